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
}
