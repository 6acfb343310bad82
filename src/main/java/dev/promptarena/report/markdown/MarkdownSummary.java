package dev.promptarena.report.markdown;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.Decision;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.report.CaseFacts;
import dev.promptarena.report.CasePass;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.HumanCorrectedText;
import dev.promptarena.report.ReportModel;
import dev.promptarena.run.Manifest;
import dev.promptarena.stats.AxisResult;
import dev.promptarena.stats.WinRateResult;
import dev.promptarena.stats.Winner;
import java.util.List;
import java.util.Locale;

/**
 * summary.md: a compact Markdown report for a PR comment or {@code $GITHUB_STEP_SUMMARY}. Every
 * untrusted string goes through {@link MarkdownText#escape}; numbers come from the report model.
 */
public final class MarkdownSummary {
    /** The file name inside the run folder. */
    public static final String FILE = "summary.md";
    /** Regressions listed. */
    static final int WORST = CasePass.WORST_LOSSES;

    private MarkdownSummary() {}

    public static String render(ReportModel m) {
        return render(m, CasePass.of(m));
    }

    /** The summary, from the judge errors and worst losses the caller already gathered (each is a read of every case). */
    public static String render(ReportModel m, CasePass.Facts facts) {
        dev.promptarena.report.JudgeErrors judgeErrorCounts = facts.judgeErrors();
        AnalysisResult a = m.analysis();
        Decision d = a.decision();
        WinRateResult w = a.winRate();
        Manifest mf = m.manifest();
        StringBuilder s = new StringBuilder();
        s.append("## ").append(icon(d)).append(" prompt-arena: ").append(d.outcome()).append(" — ")
                .append(MarkdownText.escape(name(mf, "B"))).append(" (B) vs ").append(MarkdownText.escape(name(mf, "A"))).append(" (A)\n\n");
        if (mf.partial()) s.append("> **Partial run:** ").append(MarkdownText.escape(mf.partialReason())).append(". Numbers cover only the finished cases.\n\n");
        s.append("**Decision: ").append(d.outcome()).append("** (").append(d.test().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(", threshold ").append(Fmt.pct(d.threshold())).append(", primary)\n");
        for (String r : d.reasons()) s.append("- ").append(MarkdownText.escape(r)).append('\n');
        s.append('\n');
        // Nothing scored (every judge call failed, or none was made): no rate and no interval to state, only the counts.
        if (w.estimate() == null) s.append("**B's win rate: none** (nothing scored)");
        else s.append("**B's win rate: ").append(Fmt.pct(w.estimate())).append("** ").append(Fmt.pctInterval(w.gateInterval()))
                .append(" (").append(Fmt.method(w.gateInterval())).append(w.positionAdjusted() ? ", mean of both presentation orders" : "")
                .append(", ties count half; conservative Wilson ").append(Fmt.pctInterval(w.wilson())).append(")");
        s.append(" — B won ").append(w.wins()).append(", lost ")
                .append(w.losses()).append(", ").append(w.ties()).append(" ties, ").append(w.inconsistent()).append(" inconsistent of ")
                .append(w.scored()).append(" scored; ").append(w.unparseable()).append(" unparseable, ").append(w.errors()).append(" errors\n\n");
        String decides = dev.promptarena.report.DecisionInterval.sentence(a);
        if (decides != null && w.estimate() != null) s.append("Which interval decides: ").append(decides).append(".\n\n");
        List<String> generation = facts.generationErrors().lines();
        if (!generation.isEmpty()) {
            s.append("Generation failures (errors, not scored):\n");
            for (String line : generation) s.append("- ").append(MarkdownText.escape(line)).append('\n');
            s.append('\n');
        }
        String judgeErrors = judgeErrorCounts.sentence();
        if (!judgeErrors.isEmpty()) s.append(MarkdownText.escape(judgeErrors)).append("\n\n");
        s.append(HumanCorrectedText.markdown(m.humanCorrected(), m.humanLabels() == null ? null : MarkdownText.escape(m.humanLabels().describe())));
        MarkdownSequential.append(s, a.sequential());
        axes(s, a.axes());
        guardrails(s, d.guardrails());
        if (!a.warnings().isEmpty()) {
            s.append("### Bias and other warnings\n\n");
            for (String x : a.warnings()) s.append("- ⚠️ ").append(MarkdownText.escape(x)).append('\n');
            s.append('\n');
        }
        worst(s, facts.worstLosses());
        s.append("<sub>run ").append(MarkdownText.escape(mf.runId())).append(" · ").append(MarkdownText.escape(mf.tool()))
                .append(' ').append(MarkdownText.escape(mf.toolVersion())).append(" · full report: report.html in the run folder</sub>\n");
        return s.toString();
    }

    private static void axes(StringBuilder s, List<AxisResult> axes) {
        if (axes.isEmpty()) return;
        s.append("### Axes (exploratory)\n\n| Axis | A | B | B − A | 95% interval | p (Holm) |\n|---|---:|---:|---:|---|---:|\n");
        for (AxisResult x : axes) {
            s.append("| ").append(MarkdownText.escape(x.axis())).append(" | ").append(Fmt.num(x.meanA(), 2)).append(" | ")
                    .append(Fmt.num(x.meanB(), 2)).append(" | ").append(Fmt.signed(x.meanDifference(), 2)).append(" | ")
                    .append(Fmt.interval(x.difference() == null ? null : x.difference().interval(), 2)).append(" | ")
                    .append(Fmt.p(x.pHolm()).replace("<", "&lt;")).append(" |\n");
        }
        s.append('\n');
    }

    private static void guardrails(StringBuilder s, List<GuardrailResult> gs) {
        if (gs.isEmpty()) return;
        s.append("### Guardrails (primary)\n\n| Guardrail | Observed | One-sided bound | Limit | Status |\n|---|---:|---:|---:|---|\n");
        for (GuardrailResult g : gs) {
            s.append("| `").append(g.metric().replace("`", "")).append("` | ").append(Fmt.metric(g.metric(), g.observed())).append(" | ")
                    .append(Fmt.guardrailBound(g)).append(" | ").append(Fmt.metric(g.metric(), g.limit())).append(" | ")
                    .append(g.breached() ? "❌ **breached**" : g.observed() == null ? "no data" : "✅ ok").append(" |\n");
        }
        s.append('\n');
    }

    /** The worst losses, kept by {@link CasePass} (bounded: half of an A/A run's cases are losses). */
    private static void worst(StringBuilder s, List<CaseFacts> losses) {
        s.append("### Worst regressions (B lost; biggest axis drop first)\n\n");
        if (losses.isEmpty()) {
            s.append("B lost no case.\n\n");
            return;
        }
        s.append("| Case | Largest axis drop (A → B) | Judge's reason |\n|---|---|---|\n");
        for (CaseFacts f : losses) {
            String drop = f.worstAxis() == null ? Fmt.NONE : MarkdownText.escape(f.worstAxis()) + " "
                    + Fmt.num(f.meanA().get(f.worstAxis()), 1) + " → " + Fmt.num(f.meanB().get(f.worstAxis()), 1);
            String reason = f.record().traces().stream().filter(t -> t.winner() == Winner.A)
                    // The reason names presented positions, so say which variant was shown first.
                    .map(t -> (t.presented() ? "(" + (t.bFirst() ? "B" : "A") + " shown first) " : "") + t.reason()).findFirst().orElse("");
            s.append("| ").append(MarkdownText.escape(f.record().caseId()))
                    .append(f.record().repeat() > 0 ? " (repeat " + f.record().repeat() + ")" : "").append(" | ").append(drop)
                    .append(" | ").append(MarkdownText.escape(reason, 200)).append(" |\n");
        }
        s.append('\n');
    }

    private static String icon(Decision d) {
        return switch (d.outcome()) { case PASS -> "✅"; case FAIL -> "❌"; case INCONCLUSIVE -> "⚠️"; case RUN_ERROR -> "🛑"; };
    }

    private static String name(Manifest m, String key) {
        return m.variants() != null && m.variants().get(key) != null ? m.variants().get(key).name() : key;
    }
}
