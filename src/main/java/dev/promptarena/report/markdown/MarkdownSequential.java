package dev.promptarena.report.markdown;

import dev.promptarena.analysis.SequentialResult;
import java.util.Locale;

/** The sequential section of summary.md (issue 16): the statistic against the boundaries at each look, as a table. */
final class MarkdownSequential {
    private MarkdownSequential() {}

    static void append(StringBuilder s, SequentialResult r) {
        if (r == null) return;
        s.append("### Sequential design (primary): ").append(r.status()).append("\n\n");
        if (r.registration().boundaries() == null) {
            // The anytime method has no looks: it checks its confidence sequence after every scored case.
            s.append("Anytime-valid confidence sequence, checked after every scored case (").append(r.stopAt()).append(" cases replayed).");
            appendInterval(s, r);
            s.append("\n\n");
            return;
        }
        if (r.looks().isEmpty()) {
            s.append("No look reached yet.\n\n");
            return;
        }
        s.append("| Look | Scored cases | z | Efficacy | Harm | Futility | Action | Naive win rate |\n|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (SequentialResult.Look l : r.looks()) {
            s.append("| ").append(l.look()).append(" | ").append(l.cases()).append(" | ").append(num(l.z())).append(" | ")
                    .append(num(l.efficacy())).append(" | ").append(l.harm() == null ? "—" : num(l.harm())).append(" | ")
                    .append(l.futility() == null ? "—" : num(l.futility())).append(" | ").append(l.action()).append(" | ")
                    .append(num(l.winRate())).append(" |\n");
        }
        if (r.adjustedWinRate() != null) {
            s.append("\nBias-adjusted (median-unbiased) win rate: ").append(num(r.adjustedWinRate())).append(".");
        }
        appendInterval(s, r);
        s.append("\n\n");
    }

    private static void appendInterval(StringBuilder s, SequentialResult r) {
        if (r.interval() != null) {
            s.append(String.format(Locale.ROOT, " %.0f%% %s (the interval the decision uses): %.3f–%.3f.", 100 * r.interval().level(),
                    r.interval().method(), r.interval().lower(), r.interval().upper()));
        }
        if (r.overRun() > 0) s.append(" Over-run (in flight at the stop): ").append(r.overRun()).append(" cases.");
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
