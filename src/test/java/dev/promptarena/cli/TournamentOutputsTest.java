package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A tournament's CI outputs: {@code --junit} (one test case per candidate against the control, plus its guardrails),
 * {@code -o x.csv} (ranking.csv), {@code -o x.xml} (the same JUnit XML) and {@code report --junit}.
 */
class TournamentOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void junitHasOneTestCasePerCandidateAndCsvIsTheRanking() throws Exception {
        Path run = dir.resolve("run"), junit = dir.resolve("ci/junit.xml"), csv = dir.resolve("ci/ranking.csv"), xml = dir.resolve("ci/o.xml");
        CliRun result = CliRun.of("run", "examples/support-bot.tournament.arena.yaml", "--limit", "10", "--no-cache", "-q", "--run-dir", run.toString(),
                "--junit", junit.toString(), "-o", csv.toString(), "-o", xml.toString());
        assertTrue(List.of(0, 1, 3).contains(result.exitCode()), result.out() + result.err());
        assertArrayEquals(Files.readAllBytes(run.resolve("ranking.csv")), Files.readAllBytes(csv));
        assertArrayEquals(Files.readAllBytes(junit), Files.readAllBytes(xml));

        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> candidateCases = new ArrayList<>();
        int expectedFailures = 0, expectedSkipped = 0, guardrails = 0;
        for (JsonNode c : report.at("/analysis/decision/candidates")) {
            String outcome = c.at("/decision/outcome").asText();
            String name = c.path("name").asText() + " vs baseline";
            candidateCases.add(name);
            Element tc = find(cases, name);
            assertEquals(outcome.equals("FAIL") || outcome.equals("RUN_ERROR") ? 1 : 0, tc.getElementsByTagName("failure").getLength(), name);
            assertEquals(outcome.equals("INCONCLUSIVE") ? 1 : 0, tc.getElementsByTagName("skipped").getLength(), name);
            expectedFailures += outcome.equals("FAIL") || outcome.equals("RUN_ERROR") ? 1 : 0;
            expectedSkipped += outcome.equals("INCONCLUSIVE") ? 1 : 0;
            for (JsonNode g : c.at("/decision/guardrails")) {
                guardrails++;
                if (g.path("breached").asBoolean()) expectedFailures++;
                if (g.path("observed").isNull()) expectedSkipped++;
            }
        }
        assertEquals(3, candidateCases.size());
        assertEquals(3 + guardrails, cases.getLength());
        assertEquals(Integer.toString(cases.getLength()), suite.getAttribute("tests"));
        assertEquals(Integer.toString(expectedFailures), suite.getAttribute("failures"));
        assertEquals(Integer.toString(expectedSkipped), suite.getAttribute("skipped"));
        assertTrue(Files.readString(junit).contains("name=\"decision\" value=\"" + report.at("/analysis/decision/outcome").asText() + "\""));

        Path again = dir.resolve("again.xml");
        CliRun rep = CliRun.of("report", run.toString(), "--junit", again.toString());
        assertEquals(result.exitCode(), rep.exitCode(), rep.err());
        assertArrayEquals(Files.readAllBytes(junit), Files.readAllBytes(again));

        // --labels is refused for a tournament by report too, as by run and merge (it was ignored, exit 0), and nothing is rewritten.
        Path labels = Files.writeString(dir.resolve("human.csv"), "case_id,label\nship-001,A\n");
        byte[] summary = Files.readAllBytes(run.resolve("summary.md"));
        Path third = dir.resolve("third.xml");
        CliRun labelled = CliRun.of("report", run.toString(), "--labels", labels.toString(), "--junit", third.toString());
        assertEquals(2, labelled.exitCode(), labelled.out() + labelled.err());
        assertTrue(labelled.err().contains("human.csv") && labelled.err().contains("not computed for a tournament"), labelled.err());
        assertFalse(Files.exists(third), "nothing written");
        assertArrayEquals(summary, Files.readAllBytes(run.resolve("summary.md")));
    }

    private static Element find(NodeList cases, String name) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) return e;
        }
        throw new AssertionError("no test case named " + name);
    }
}
