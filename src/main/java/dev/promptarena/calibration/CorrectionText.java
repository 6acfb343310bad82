package dev.promptarena.calibration;

import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.ErrorSplit;
import dev.promptarena.stats.MeanEstimate;
import dev.promptarena.stats.OrderPairSplit;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a {@link CorrectionSummary}: the three win rates side by side, the judge's bias, how its mistakes split by slot and
 * length, and the recommendation.
 */
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
        if (h.wrongVotes() > 0) {
            out.printf(Locale.ROOT, "  %d of %d decisive judge votes contradict the labels. Do they lean to one side more than a judge"
                    + " erring at random would (noise: of all votes, the share where the answer the humans passed over sat there)?"
                    + " %s, Holm over the two:%n", h.wrongVotes(), h.decisiveVotes(), h.firstSlot().pairedTest() == null
                    ? "Fisher's exact test, votes clustered by case"
                    : "By slot, the exact sign test of the cases judged in both orders (which order they erred in); by length,"
                    + " Fisher's exact test, votes clustered by case");
            split("first slot", "response shown first", "position", h.firstSlot(), out);
            split("longer output", "longer output", "length", h.longer(), out);
        }
        if (h.casesLeftOut() > 0) {
            out.printf(Locale.ROOT, "  %d labelled case%s the humans called a tie (or split on) left out of the split: no answer was passed over%n",
                    h.casesLeftOut(), h.casesLeftOut() == 1 ? "" : "s");
        }
        out.printf(Locale.ROOT, "Recommendation: %s (%s)%n", s.recommendation().toUpperCase(Locale.ROOT), s.reason());
    }

    /** One split: the share of the mistakes, what noise would give, and the verdict of the test. */
    private static void split(String name, String position, String bias, HumanBias.Split split, PrintStream out) {
        ErrorSplit t = split.test();
        if (t.share() == null) return; // no wrong vote here (for length: every pair had equal lengths)
        OrderPairSplit pairs = split.pairedTest();
        String paired = pairs == null ? "" : String.format(Locale.ROOT, "; of %d cases in both orders %d erred more with it first, %d with it"
                + " second", pairs.cases(), pairs.casesLeaningFirst(), pairs.casesLeaningSecond());
        out.printf(Locale.ROOT, "  %-16s %.0f%% of %d wrong votes picked the %s, noise %.0f%%%s; p %s, Holm %s: %s%n", name, 100 * t.share(),
                t.wrong(), position, 100 * t.expectedShare(), paired, p(split.p()), p(split.pHolm()),
                split.biased() ? "SIGN OF " + bias.toUpperCase(Locale.ROOT) + " BIAS" : "no sign of " + bias + " bias beyond noise");
    }

    private static String p(double p) { return String.format(Locale.ROOT, "%.2g", p); }

    private static void line(String name, MeanEstimate e, PrintStream out) {
        out.printf(Locale.ROOT, "  %-16s %.3f [%.3f, %.3f]%n", name, e.estimate(), e.interval().lower(), e.interval().upper());
    }
}
