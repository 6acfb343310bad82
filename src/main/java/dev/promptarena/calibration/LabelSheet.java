package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.LabelSampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The cases chosen for human labelling: exactly the budget, each case with its known probability
 * ({@link LabelSampling#drawExactly}): uniform for {@code random} (a simple random sample), favouring the cases
 * where the judge was unsure for {@code uncertain} ({@link LabelSampling}). One repeat per case is shown,
 * chosen at random, and the two outputs are shown in a random order recorded as a {@link BlindOrder} key.
 *
 * @param runId  the run the sheet belongs to (part of every order key)
 * @param cases  cases with a scored verdict (N)
 * @param budget the number of labels asked for, capped at {@code cases}: the number of items
 * @param items  the drawn cases, in random order so labellers do not see the run's order
 */
public record LabelSheet(String runId, int cases, double budget, Strategy strategy, List<Item> items) {
    /** How cases are chosen. */
    public enum Strategy {
        /** Every case with the same probability. */
        RANDOM,
        /** Probability ∝ √(judge uncertainty), 30% of the budget spread uniformly. */
        UNCERTAIN
    }

    /**
     * One row of the sheet.
     *
     * @param probability the probability the case had of being drawn (the estimator divides by it)
     * @param bFirst      B's output is shown as response 1
     */
    public record Item(String caseId, int repeat, double probability, boolean bFirst, CaseRecord record) {
        public Item { Objects.requireNonNull(record, "record"); }

        public String orderKey(String runId) { return BlindOrder.key(runId, caseId, repeat, bFirst); }
    }

    public LabelSheet { items = List.copyOf(items); }

    public static LabelSheet draw(String runId, JudgedCases judged, int budget, Strategy strategy, long seed) {
        if (judged.size() == 0) throw new IllegalArgumentException("the run has no case with a scored verdict");
        int n = Math.min(budget, judged.size());
        double[] pi = strategy == Strategy.RANDOM ? LabelSampling.uniform(judged.size(), n)
                : LabelSampling.proportionalToRootUncertainty(judged.uncertainty(), n, LabelSampling.DEFAULT_UNIFORM_SHARE);
        boolean[] drawn = LabelSampling.drawExactly(pi, seed);
        // A second stream for the shown repeat, the order and the row order, so the draw above depends on the seed alone.
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < drawn.length; i++) {
            if (!drawn[i]) continue;
            List<CaseRecord> rs = judged.records().get(i);
            CaseRecord shown = rs.get(random.nextInt(rs.size()));
            items.add(new Item(judged.ids().get(i), shown.repeat(), pi[i], random.nextBoolean(), shown));
        }
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Item t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
        return new LabelSheet(runId, judged.size(), n, strategy, items);
    }
}
