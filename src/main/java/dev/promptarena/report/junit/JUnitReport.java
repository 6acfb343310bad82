package dev.promptarena.report.junit;

import dev.promptarena.decision.Decision;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.decision.Outcome;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.ReportModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test-report viewers ({@code --junit FILE}): one test suite, one test case for the
 * gate and one per guardrail.
 *
 * <p>The gate is a failure for FAIL and RUN_ERROR. INCONCLUSIVE is reported as <em>skipped</em> with
 * the reasons as its message: "not enough evidence" is neither a regression to blame on B nor a
 * pass, and test viewers show skipped cases without claiming a defect. The exit code (3) still
 * tells CI the gate did not pass. A breached guardrail is a failure; one without data is skipped.
 * Text goes through {@link XMLStreamWriter}, which escapes it.
 */
public final class JUnitReport {
    private JUnitReport() {}

    /** Writes the XML to {@code file}, creating parent folders. */
    public static void write(Path file, ReportModel model) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file)) {
                write(out, model);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void write(OutputStream out, ReportModel model) {
        Decision d = model.analysis().decision();
        List<GuardrailResult> gs = d.guardrails();
        int failures = (d.outcome() == Outcome.FAIL || d.outcome() == Outcome.RUN_ERROR ? 1 : 0)
                + (int) gs.stream().filter(GuardrailResult::breached).count();
        int skipped = (d.outcome() == Outcome.INCONCLUSIVE ? 1 : 0) + (int) gs.stream().filter(g -> g.observed() == null).count();
        String suite = "prompt-arena." + model.manifest().arena();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", xml(suite));
            x.writeAttribute("tests", Integer.toString(1 + gs.size()));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Integer.toString(skipped));
            properties(x, model);
            gate(x, suite, d);
            for (GuardrailResult g : gs) guardrail(x, suite, g);
            finish(x);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
    }

    private static void properties(XMLStreamWriter x, ReportModel m) throws XMLStreamException {
        x.writeStartElement("properties");
        property(x, "decision", m.analysis().decision().outcome().name());
        // The estimate the interval below is around and the gate decides on (as the terminal and summary.md state it),
        // not the raw rate, which can lie outside that interval when the presentation orders' counts differ.
        property(x, "win_rate_b", Fmt.pct(m.analysis().winRate().estimate()));
        property(x, "interval", Fmt.pctInterval(m.analysis().winRate().gateInterval()));
        property(x, "run_id", m.manifest().runId());
        property(x, "partial", Boolean.toString(m.manifest().partial()));
        x.writeEndElement();
    }

    /** Closes the testsuite and testsuites elements and the document, ending with a newline. */
    static void finish(XMLStreamWriter x) throws XMLStreamException {
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.writeCharacters("\n");
        x.flush();
        x.close();
    }

    static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", xml(name));
        x.writeAttribute("value", xml(value));
    }

    private static void gate(XMLStreamWriter x, String suite, Decision d) throws XMLStreamException {
        gate(x, suite, "gate", d);
    }

    /** One test case for a two-variant decision: failure for FAIL and RUN_ERROR, skipped for INCONCLUSIVE. */
    static void gate(XMLStreamWriter x, String suite, String name, Decision d) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", xml(suite));
        x.writeAttribute("name", xml(name));
        String message = xml(d.outcome() + ": " + String.join(" ", d.reasons()));
        switch (d.outcome()) {
            case FAIL, RUN_ERROR -> element(x, "failure", message, d.outcome().name());
            case INCONCLUSIVE -> element(x, "skipped", message, null);
            case PASS -> {
                x.writeStartElement("system-out");
                x.writeCharacters(message);
                x.writeEndElement();
            }
        }
        x.writeEndElement();
    }

    static void guardrail(XMLStreamWriter x, String suite, GuardrailResult g) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", xml(suite + ".guardrail"));
        x.writeAttribute("name", g.metric());
        String observed = "observed " + Fmt.metric(g.metric(), g.observed()) + ", limit " + Fmt.metric(g.metric(), g.limit()) + ": " + g.detail();
        if (g.breached()) element(x, "failure", observed, "GuardrailBreached");
        else if (g.observed() == null) element(x, "skipped", "no data: " + g.detail(), null);
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String message, String type) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeAttribute("message", xml(message));
        if (type != null) x.writeAttribute("type", type);
        x.writeCharacters(xml(message));
        x.writeEndElement();
    }

    /**
     * {@code text} without the characters XML 1.0 cannot hold even escaped (C0 controls but tab and line breaks, U+FFFE/FFFF,
     * unpaired surrogates): {@link XMLStreamWriter} escapes markup but writes those as they are, and one of them (a
     * control character in a variant's or an arena's name) made the whole file unreadable to CI's test viewers.
     */
    static String xml(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
