package dev.promptarena.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.Decision;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.decision.Outcome;
import dev.promptarena.decision.TournamentGate;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.stats.Evidence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
    private static final ReportModel BASE = ReportFixtures.hostile(40);
    private static final List<GuardrailResult> GUARDRAILS = List.of(
            new GuardrailResult("error_rate_max", Evidence.PRIMARY, 0.01, 0.05, false, "errors <ok> & fine"),
            new GuardrailResult("axis_drop_max", Evidence.PRIMARY, 0.9, 0.5, true, "Accuracy <b>dropped</b> & \"more\""),
            new GuardrailResult("latency_p95_increase_ms", Evidence.PRIMARY, null, 1000, false, "no latency recorded"));

    @Test
    void failGateAndBreachedGuardrailAreFailures() throws Exception {
        Document doc = parse(decision(Outcome.FAIL, "B is worse: </failure><injected/> & done"));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"), "the guardrail without data");
        assertEquals(4, doc.getElementsByTagName("testcase").getLength());
        assertEquals(0, doc.getElementsByTagName("injected").getLength(), "text stays text");
        Element gate = testcase(doc, "gate");
        assertTrue(gate.getElementsByTagName("failure").item(0).getTextContent().contains("</failure><injected/> & done"));
        Element drop = testcase(doc, "axis_drop_max");
        assertTrue(((Element) drop.getElementsByTagName("failure").item(0)).getAttribute("message").contains("Accuracy <b>dropped</b>"));
        assertTrue(suite.getAttribute("name").contains("<script>"), "arena name escaped and read back");
    }

    @Test
    void inconclusiveGateIsSkippedNotFailed() throws Exception {
        Document doc = parse(decision(Outcome.INCONCLUSIVE, "not enough evidence"));
        Element gate = testcase(doc, "gate");
        assertEquals(1, gate.getElementsByTagName("skipped").getLength());
        assertEquals(0, gate.getElementsByTagName("failure").getLength());
        assertEquals("2", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("skipped"));
    }

    @Test
    void runErrorFailsAndPassDoesNot() throws Exception {
        assertEquals(1, testcase(parse(decision(Outcome.RUN_ERROR, "judge down")), "gate").getElementsByTagName("failure").getLength());
        Element pass = testcase(parse(decision(Outcome.PASS, "B better")), "gate");
        assertEquals(0, pass.getElementsByTagName("failure").getLength() + pass.getElementsByTagName("skipped").getLength());
    }

    /** XMLStreamWriter escapes markup but writes control characters as they are, which no XML parser reads back. */
    @Test
    void charactersXmlCannotHoldAreLeftOutSoTheFileStaysReadable() throws Exception {
        Document doc = parse(decision(Outcome.FAIL, "bad\u0001 \u001B[2Jcase ]]> \uD800 \uFFFF end"));
        String text = testcase(doc, "gate").getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(text.endsWith("bad [2Jcase ]]>   end"), text);

        // A tournament's test cases are named after its variants (config keys, which YAML lets hold any character).
        Decision d = new Decision(Outcome.INCONCLUSIVE, Evidence.PRIMARY, DecisionPolicy.Test.SUPERIORITY, 0.5, 0.6, null, null, GUARDRAILS,
                List.of("not enough"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TournamentJUnitReport.write(out, "arena\u0002", "run", false, "base\u0007", new TournamentGate.TournamentDecision(Outcome.INCONCLUSIVE,
                null, List.of(new TournamentGate.CandidateDecision("c\u001B[2J", 0.05, d))));
        Document t = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("c[2J vs base", ((Element) t.getElementsByTagName("testcase").item(0)).getAttribute("name"));
    }

    private static ReportModel decision(Outcome outcome, String reason) {
        return ReportFixtures.withDecision(BASE, new Decision(outcome, Evidence.PRIMARY, DecisionPolicy.Test.SUPERIORITY, 0.5, 0.6,
                null, null, GUARDRAILS, List.of(reason)));
    }

    private static Document parse(ReportModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitReport.write(out, m);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    private static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) return e;
        }
        throw new AssertionError("no testcase " + name);
    }
}
