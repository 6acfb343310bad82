package dev.promptarena.calibration;

import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.MeanEstimate;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a {@link CorrectionSummary}: the three win rates side by side, the judge's bias and the recommendation. */
public final class CorrectionText {
    private CorrectionText() {}

    public static void print(CorrectionSummary s, PrintStream out) {
        CorrectedWinRate w = s.winRate();
        out.println();
        out.printf(Locale.ROOT, "Win rate of B (tie = 1/2), %.0f%% intervals, %d labelled of %d judged cases (%s):%n",
                100 * w.corrected().interval().level(), w.labels(), w.cases(),
                w.design() == CorrectedWinRate.Design.KNOWN_PROBABILITIES ? "label sheet, known probabilities" : "labels taken as a random subset");
        line("judge only", w.judgeOnly(), out);
        line("human only", w.humanOnly(), out);
        line("human-corrected", w.corrected(), out);
        out.printf(Locale.ROOT, "  judge weight lambda %.2f; the corrected estimate is worth %s human labels alone%n", w.lambda(),
                Double.isNaN(w.effectiveLabels()) ? "n/a" : String.format(Locale.ROOT, "%.0f", w.effectiveLabels()));
        MeanEstimate b = s.judgeBias();
        out.printf(Locale.ROOT, "  judge bias on the labelled cases (judge - human) %+.3f [%.3f, %.3f]%n", b.estimate(),
                b.interval().lower(), b.interval().upper());
        HumanBias h = s.positionAndLength();
        if (h.firstSlot() != null) {
            out.printf(Locale.ROOT, "  %d of %d decisive judge votes contradict the labels; of those %.0f%% picked the first slot [%.0f%%, %.0f%%]",
                    h.wrongVotes(), h.decisiveVotes(), 100 * h.firstSlotShare(), 100 * h.firstSlot().lower(), 100 * h.firstSlot().upper());
            if (h.longer() != null) {
                out.printf(Locale.ROOT, ", %.0f%% the longer output [%.0f%%, %.0f%%]", 100 * h.longerShare(), 100 * h.longer().lower(), 100 * h.longer().upper());
            }
            out.printf(Locale.ROOT, " (50%%: no sign of position or length bias)%n");
        }
        out.printf(Locale.ROOT, "Recommendation: %s (%s)%n", s.recommendation().toUpperCase(Locale.ROOT), s.reason());
    }

    private static void line(String name, MeanEstimate e, PrintStream out) {
        out.printf(Locale.ROOT, "  %-16s %.3f [%.3f, %.3f]%n", name, e.estimate(), e.interval().lower(), e.interval().upper());
    }
}
