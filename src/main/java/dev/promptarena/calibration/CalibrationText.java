package dev.promptarena.calibration;

import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a {@link CalibrationResult} for people. */
public final class CalibrationText {
    private CalibrationText() {}

    public static void print(CalibrationResult r, PrintStream out) {
        out.printf(Locale.ROOT, "Judge calibration: %s against %s%n", r.runDir(), r.labelsFile());
        out.printf(Locale.ROOT, "%d labels, %d labelled outcomes in the run%n", r.labels(), r.labelledItems());
        if (!r.unknownCases().isEmpty()) {
            out.println("  warning: labels for cases not in the run were left out: " + TerminalText.plain(String.join(", ", r.unknownCases())));
        }
        if (r.perJudge().size() > 1) {
            for (JudgeAgreement j : r.perJudge()) line(j, out);
        }
        line(r.panel(), out);
        int[][] c = r.panel().confusion();
        out.println("  confusion (rows: human, columns: judge" + (r.perJudge().size() > 1 ? " panel" : "") + ")");
        out.println("           A     B   tie");
        for (int h = 0; h < 3; h++) {
            out.printf(Locale.ROOT, "    %-4s %4d  %4d  %4d%n", Calibration.CATEGORIES.get(h), c[h][0], c[h][1], c[h][2]);
        }
        out.println();
        boolean lower = r.rule() == CalibrationResult.Rule.LOWER_BOUND;
        String ci = r.agreementInterval() == null ? "" : String.format(Locale.ROOT, " (%.0f%% interval %s-%s)",
                100 * r.agreementInterval().level(), pct(r.agreementInterval().lower()), pct(r.agreementInterval().upper()));
        out.printf(Locale.ROOT, "%s: agreement %s%s; its %s %s the threshold %.0f%%%n", r.verdict().toUpperCase(Locale.ROOT),
                pct(r.panel().agreement()), ci, lower ? "lower bound" : "point estimate", r.trusted() ? "reaches" : "is below",
                100 * r.threshold());
    }

    private static void line(JudgeAgreement j, PrintStream out) {
        out.printf(Locale.ROOT, "  %-20s agreement %s (%d of %d)  without ties %s (n = %d)  Cohen's kappa %s%s%s%n",
                j.judge(), pct(j.agreement()), j.matches(), j.items(), pct(j.decisiveAgreement()), j.decisiveItems(),
                j.kappa() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", j.kappa()),
                j.kappaInterval() == null ? "" : String.format(Locale.ROOT, " [%.2f, %.2f]", j.kappaInterval().lower(), j.kappaInterval().upper()),
                j.unjudged() > 0 ? "  (" + j.unjudged() + " without a verdict)" : "");
    }

    private static String pct(Double v) { return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
