package dev.promptarena.report;

import dev.promptarena.stats.JudgePanelResult;
import dev.promptarena.stats.JudgeResult;
import dev.promptarena.stats.PanelAgreement;
import java.io.PrintStream;
import java.util.Locale;

/** The judge lines of the terminal summary; printed only for a panel or a sampled judge (one plain judge says nothing new). */
final class JudgePanelText {
    private JudgePanelText() {}

    static void print(JudgePanelResult p, PrintStream out) {
        if (p == null) return;
        boolean sampled = p.perJudge().stream().anyMatch(r -> r.stability() != null);
        if (p.perJudge().size() < 2 && !sampled) return;
        for (JudgeResult r : p.perJudge()) {
            // The p the "(significant)" label and the order warning follow (Holm over the panel's judges), as report.html's judges table shows it.
            Double adjusted = r.orderBias().firstSharePAdjusted();
            out.printf(Locale.ROOT, "  judge %-18s B's win rate %s  first-slot share %s%s%s%s%n", r.judge(), pct(r.winRate()),
                    pct(r.orderBias().firstShare()), adjusted == null ? "" : String.format(Locale.ROOT, " (p(Holm) %.3g)", adjusted),
                    r.stability() == null ? "" : String.format(Locale.ROOT, "  stability %s (%d samples)", pct(r.stability()), r.samples()),
                    r.unparseableVotes() == 0 ? "" : "  unparseable " + r.unparseableVotes());
        }
        PanelAgreement a = p.agreement();
        if (a != null) {
            out.printf(Locale.ROOT, "  judge agreement: %s kappa %s%s over %d outcomes (raw %s)%n",
                    a.method().equals("cohen") ? "Cohen's" : "Fleiss'",
                    a.kappa() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", a.kappa()),
                    a.interval() == null ? "" : String.format(Locale.ROOT, " [%.2f, %.2f]", a.interval().lower(), a.interval().upper()),
                    a.items(), pct(a.observed()));
        }
    }

    private static String pct(Double v) { return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
