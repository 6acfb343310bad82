package dev.promptarena.report;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.Decision;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.stats.AxisResult;
import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.WinRateResult;
import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import java.util.Locale;

/** The short summary printed at the end of a run. */
public final class TerminalSummary {
    private TerminalSummary() {}

    public static void print(ReportModel m, String reportHtml, long htmlBytes, PrintStream out) {
        print(m, reportHtml, htmlBytes, out, w -> false);
    }

    /** As above, leaving out the analysis warnings {@code skipWarning} accepts (ones the caller already printed). */
    public static void print(ReportModel m, String reportHtml, long htmlBytes, PrintStream out, java.util.function.Predicate<String> skipWarning) {
        print(m, reportHtml, htmlBytes, out, skipWarning, JudgeErrors.of(m), GenerationErrors.of(m.cases()));
    }

    /** As above, with the judge and generation errors the reports already counted (counting them is a pass over every case). */
    public static void print(ReportModel m, String reportHtml, long htmlBytes, PrintStream out, java.util.function.Predicate<String> skipWarning,
                             JudgeErrors judgeErrorCounts, GenerationErrors generationErrors) {
        AnalysisResult a = m.analysis();
        WinRateResult w = a.winRate();
        Decision d = a.decision();
        out.println();
        out.printf(Locale.ROOT, "%s vs %s — %d outcomes (%d scored: B won %d, lost %d, %d ties, %d inconsistent; %d unparseable, %d errors)%n",
                TerminalText.plain(m.manifest().variants().get("B").name()), TerminalText.plain(m.manifest().variants().get("A").name()), w.outcomes(), w.scored(), w.wins(),
                w.losses(), w.ties(), w.inconsistent(), w.unparseable(), w.errors());
        // Why A or B failed, in the provider's words (made one plain line by GenerationErrors.reason): a count alone
        // left the user to dig through cases.csv.
        for (String line : generationErrors.lines()) out.println("  " + TerminalText.plain(line));
        String judgeErrors = judgeErrorCounts.sentence();
        if (!judgeErrors.isEmpty()) out.println("  " + TerminalText.plain(judgeErrors));
        if (w.winRate() != null) {
            out.printf(Locale.ROOT, "B's win rate (ties half%s): %.1f%%  %s  (conservative Wilson %s)%n",
                    w.positionAdjusted() ? ", mean of both presentation orders" : "", 100 * w.estimate(), interval(w.gateInterval()),
                    interval(w.wilson()));
            String decides = DecisionInterval.sentence(a);
            if (decides != null) out.println("  which interval decides: " + decides);
        }
        for (AxisResult x : a.axes()) {
            if (x.meanA() == null) continue;
            out.printf(Locale.ROOT, "  %-20s A %.2f  B %.2f  diff %+.2f  p(Holm) %.3g%n", TerminalText.plain(x.axis()), x.meanA(), x.meanB(), x.meanDifference(), x.pHolm());
        }
        for (CheckSummary c : a.checks()) {
            if (c.pairs() == 0) continue;
            out.printf(Locale.ROOT, "  check %-14s A %d/%d  B %d/%d  McNemar p %.3g%n", TerminalText.plain(c.name()), c.passA(), c.pairs(), c.passB(), c.pairs(), c.pValue());
        }
        if (a.similarity() != null && a.similarity().cases() > 0) {
            out.printf(Locale.ROOT, "  similarity           A %.3f  B %.3f  diff %+.3f (%d cases)%n", a.similarity().meanA(), a.similarity().meanB(),
                    a.similarity().meanDiff(), a.similarity().cases());
        }
        JudgePanelText.print(a.judgePanel(), out);
        HumanCorrectedText.print(m.humanCorrected(), m.humanLabels(), out);
        for (GuardrailResult g : d.guardrails()) {
            // Formatted as the reports do (0.667, not 0.6666666666666666).
            // Every guardrail decided on an interval shows its bound, so a pass is seen to be evidence, not luck.
            String bound = g.bound() == null ? "" : "; one-sided bound " + Fmt.guardrailBound(g);
            if (g.breached()) {
                out.printf(Locale.ROOT, "  guardrail BREACHED: %s = %s (limit %s%s)%n", g.metric(), Fmt.metric(g.metric(), g.observed()),
                        Fmt.metric(g.metric(), g.limit()), bound);
            } else if (g.bound() != null) {
                out.printf(Locale.ROOT, "  guardrail ok: %s = %s (limit %s%s)%n", g.metric(), Fmt.metric(g.metric(), g.observed()),
                        Fmt.metric(g.metric(), g.limit()), bound);
            }
        }
        for (String warning : a.warnings()) {
            // The run printed its self-preference warnings before spending anything; once is enough.
            if (skipWarning.test(warning)) continue;
            out.println("  warning: " + TerminalText.plain(warning)); // may name case ids and tag values
        }
        out.println();
        if (m.engine() != null) {
            var e = m.engine();
            out.printf(Locale.ROOT, "Calls: %d issued, %d cache hits, %d from the journal, %d retries, %d failed; cost $%.4f%n",
                    e.issued(), e.cacheHits(), e.journalHits(), e.retries(), e.failed(), e.costUsd());
        }
        out.println("DECISION: " + d.outcome() + (m.manifest().partial() ? " (partial run: " + TerminalText.plain(m.manifest().partialReason()) + ")" : ""));
        for (String r : d.reasons()) out.println("  " + TerminalText.plain(r));
        out.println("Report: " + reportHtml + " (report.html " + Fmt.bytes(htmlBytes) + "; summary.md and CSVs alongside)");
    }

    static String interval(Interval i) {
        if (i == null) return "";
        return String.format(Locale.ROOT, "[%.1f%%, %.1f%%] (%.0f%% %s)", 100 * i.lower(), 100 * i.upper(), 100 * i.level(), i.method());
    }
}
