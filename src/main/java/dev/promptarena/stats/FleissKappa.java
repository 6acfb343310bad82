package dev.promptarena.stats;

/**
 * Fleiss' kappa for a fixed number of raters per item (Fleiss 1971), as statsmodels'
 * {@code fleiss_kappa(table, method="fleiss")}. Used for agreement inside a judge panel.
 *
 * @param kappa    (P̄ − P̄e) / (1 − P̄e)
 * @param observed mean per-item agreement P̄
 * @param expected chance agreement P̄e from the pooled category shares
 * @param items    number of items
 * @param raters   raters per item
 */
public record FleissKappa(double kappa, double observed, double expected, int items, int raters) {

    /**
     * @param counts {@code counts[i][j]} = number of raters who put item i in category j; every row
     *               must sum to the same number of raters (&gt;= 2)
     */
    public static FleissKappa of(int[][] counts) {
        int items = counts.length;
        if (items == 0) throw new IllegalArgumentException("no items");
        int k = counts[0].length;
        int raters = 0;
        for (int v : counts[0]) raters += v;
        if (raters < 2) throw new IllegalArgumentException("need at least 2 raters per item, got: " + raters);
        double[] share = new double[k];
        double pBar = 0;
        for (int[] row : counts) {
            if (row.length != k) throw new IllegalArgumentException("every item needs " + k + " categories, got: " + row.length);
            int sum = 0;
            double sq = 0;
            for (int j = 0; j < k; j++) {
                sum += row[j];
                sq += (double) row[j] * row[j];
                share[j] += row[j];
            }
            if (sum != raters) throw new IllegalArgumentException("every item needs " + raters + " ratings, got: " + sum);
            pBar += (sq - raters) / ((double) raters * (raters - 1)) / items;
        }
        double pe = 0;
        for (double s : share) pe += Math.pow(s / ((double) items * raters), 2);
        if (pe >= 1) throw new IllegalArgumentException("kappa is undefined: every rating is in one category");
        return new FleissKappa((pBar - pe) / (1 - pe), pBar, pe, items, raters);
    }

    /** Resamples of the bootstrap interval: its 97.5th percentile moves by ~0.005 between seeds at 30 items. */
    static final int RESAMPLES = 2000;

    /**
     * Percentile bootstrap interval of Fleiss' kappa over items (outcomes resampled with replacement), two-sided at
     * {@code alpha}, seeded by the counts so a report is reproduced exactly. No closed form covers Fleiss' kappa away from
     * 0 (Fleiss, Nee and Landis give its variance under no agreement only). A resample whose kappa is undefined (every
     * rating in one category) is left out; null when more than half are.
     */
    public static Interval bootstrapInterval(int[][] counts, double alpha) {
        long seed = 0x9E3779B97F4A7C15L;
        for (int[] row : counts) for (int v : row) seed = seed * 31 + v;
        SplitMixDraws random = new SplitMixDraws(seed);
        double[] kappas = new double[RESAMPLES];
        int kept = 0;
        int[] drawn = new int[counts.length];
        int[][] sample = new int[counts.length][];
        for (int b = 0; b < RESAMPLES; b++) {
            random.fill(drawn, counts.length);
            for (int i = 0; i < sample.length; i++) sample[i] = counts[drawn[i]];
            try {
                kappas[kept] = of(sample).kappa();
                kept++;
            } catch (IllegalArgumentException undefined) {
                // every rating of this resample in one category: kappa is undefined, the resample is left out
            }
        }
        if (kept * 2 < RESAMPLES) return null;
        double[] sorted = java.util.Arrays.copyOf(kappas, kept);
        java.util.Arrays.sort(sorted);
        return new Interval(Quantiles.type7(sorted, alpha / 2), Quantiles.type7(sorted, 1 - alpha / 2), 1 - alpha, "bootstrap-percentile");
    }
}
