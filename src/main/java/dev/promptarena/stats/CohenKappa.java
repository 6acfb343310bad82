package dev.promptarena.stats;

/**
 * Cohen's kappa for two raters over the same items, from a k × k contingency table
 * ({@code table[i][j]} = items rater 1 put in category i and rater 2 in category j).
 * The standard error is the large-sample one of Fleiss, Cohen and Everitt (1969), valid away from
 * kappa = 0 (not only under the null), as statsmodels' {@code cohens_kappa(table).std_kappa}.
 *
 * @param kappa         (p_o − p_e) / (1 − p_e)
 * @param observed      observed agreement p_o
 * @param expected      chance agreement p_e from the marginals
 * @param standardError asymptotic standard error
 * @param interval      Wald interval kappa ± z · SE
 * @param n             number of items
 */
public record CohenKappa(double kappa, double observed, double expected, double standardError, Interval interval, int n) {

    /** Computes kappa and its (1 − alpha) interval. */
    public static CohenKappa of(int[][] table, double alpha) {
        int k = table.length;
        double n = 0;
        for (int[] row : table) {
            if (row.length != k) throw new IllegalArgumentException("table must be square, got row of length " + row.length + " in " + k);
            for (int v : row) {
                if (v < 0) throw new IllegalArgumentException("counts must be >= 0, got: " + v);
                n += v;
            }
        }
        if (n == 0) throw new IllegalArgumentException("table is empty");
        double[] rows = new double[k], cols = new double[k];
        double po = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += table[i][j] / n;
                cols[j] += table[i][j] / n;
            }
            po += table[i][i] / n;
        }
        double pe = 0;
        for (int i = 0; i < k; i++) pe += rows[i] * cols[i];
        if (pe >= 1) throw new IllegalArgumentException("kappa is undefined: both raters used one single category");
        double kappa = (po - pe) / (1 - pe);
        double a = 0, b = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                if (i == j) a += p * Math.pow(1 - (rows[i] + cols[i]) * (1 - kappa), 2);
                else b += p * Math.pow(cols[i] + rows[j], 2);
            }
        }
        b *= Math.pow(1 - kappa, 2);
        double c = Math.pow(kappa - pe * (1 - kappa), 2);
        double se = Math.sqrt(Math.max(0, (a + b - c) / Math.pow(1 - pe, 2) / n));
        double z = Normal.twoSidedCritical(alpha);
        return new CohenKappa(kappa, po, pe, se, new Interval(Math.max(-1, kappa - z * se), Math.min(1, kappa + z * se), 1 - alpha, "wald"), (int) n);
    }
}
