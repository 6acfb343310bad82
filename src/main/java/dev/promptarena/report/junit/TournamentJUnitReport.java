package dev.promptarena.report.junit;

import dev.promptarena.decision.Decision;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.decision.Outcome;
import dev.promptarena.decision.TournamentGate.CandidateDecision;
import dev.promptarena.decision.TournamentGate.TournamentDecision;
import dev.promptarena.report.Fmt;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML of a tournament ({@code --junit FILE}): one test suite, one test case per candidate against the control
 * (its two-variant decision at its Holm level, as {@link JUnitReport} writes the gate: FAIL and RUN_ERROR fail,
 * INCONCLUSIVE is skipped) and one per guardrail of each candidate. The tournament's own outcome is a property; CI reads
 * the exit code for it.
 */
public final class TournamentJUnitReport {
    private TournamentJUnitReport() {}

    public static void write(Path file, String arena, String runId, boolean partial, String control, TournamentDecision decision) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file)) {
                write(out, arena, runId, partial, control, decision);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void write(OutputStream out, String arena, String runId, boolean partial, String control, TournamentDecision decision) {
        String suite = "prompt-arena." + arena;
        int tests = 0, failures = 0, skipped = 0;
        for (CandidateDecision c : decision.candidates()) {
            Decision d = c.decision();
            tests += 1 + d.guardrails().size();
            failures += (d.outcome() == Outcome.FAIL || d.outcome() == Outcome.RUN_ERROR ? 1 : 0)
                    + (int) d.guardrails().stream().filter(GuardrailResult::breached).count();
            skipped += (d.outcome() == Outcome.INCONCLUSIVE ? 1 : 0) + (int) d.guardrails().stream().filter(g -> g.observed() == null).count();
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", JUnitReport.xml(suite));
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Integer.toString(skipped));
            x.writeStartElement("properties");
            JUnitReport.property(x, "decision", decision.outcome().name());
            JUnitReport.property(x, "best_candidate", decision.best());
            JUnitReport.property(x, "control", control);
            JUnitReport.property(x, "run_id", runId);
            JUnitReport.property(x, "partial", Boolean.toString(partial));
            for (CandidateDecision c : decision.candidates()) {
                JUnitReport.property(x, c.name() + ".win_rate", Fmt.pct(c.decision().winRate()));
                JUnitReport.property(x, c.name() + ".interval", Fmt.pctInterval(c.decision().interval()));
                JUnitReport.property(x, c.name() + ".holm_level", String.format(Locale.ROOT, "%.4g", c.alpha()));
            }
            x.writeEndElement();
            for (CandidateDecision c : decision.candidates()) {
                // The name stays the same from run to run (CI viewers track a test by it); the numbers go in properties.
                JUnitReport.gate(x, suite, c.name() + " vs " + control, c.decision());
                for (GuardrailResult g : c.decision().guardrails()) JUnitReport.guardrail(x, suite + "." + c.name(), g);
            }
            JUnitReport.finish(x);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
    }
}
