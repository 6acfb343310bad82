package dev.promptarena.stats;

/**
 * Design effect of a paired difference of proportions when the pairs come in clusters (repeats of a case).
 * Per pair d = 1 when only A passed, −1 when only B passed, 0 otherwise; the estimate is D = Σd / N. The design
 * effect is the case-clustered (sandwich) variance of D over the variance that treats the N pairs as independent:
 * <pre>
 *   var_cluster = K/(K−1) · Σ_k (D_k − D·m_k)² / N²     (D_k: sum of d in case k, m_k its pairs, K cases)
 *   var_pairs   = ((b + c)/N − D²) / N                    (b, c: discordant counts)
 * </pre>
 * These are statsmodels' {@code OLS(d, ones).fit(cov_type="cluster", cov_kwds={"groups": case})} and
 * {@code fit(cov_type="HC0")} variances of the intercept. Dividing every count by the design effect gives effective
 * counts for the Agresti–Min bound (a Rao–Scott style correction): with repeats whose outputs agree, a case counted
 * three times carries the information of about one pair, not three.
 */
public final class DesignEffect {
    private DesignEffect() {}

    /**
     * The design effect, at least 1: below 1 (repeats that disagree more than independent pairs would) is
     * noise at the usual numbers of cases, and taking it would make the bound narrower than the unclustered one.
     * 1 with fewer than 2 cases or no discordant pair (nothing to correct).
     *
     * @param aOnly per case, pairs where only A passed
     * @param bOnly per case, pairs where only B passed
     * @param pairs per case, pairs counted
     */
    public static double of(int[] aOnly, int[] bOnly, int[] pairs) {
        int k = pairs.length;
        if (aOnly.length != k || bOnly.length != k) throw new IllegalArgumentException("per-case arrays differ in length");
        double n = 0, sum = 0, disc = 0;
        for (int i = 0; i < k; i++) {
            n += pairs[i];
            sum += aOnly[i] - bOnly[i];
            disc += aOnly[i] + bOnly[i];
        }
        if (k < 2 || disc == 0) return 1;
        double d = sum / n;
        double varPairs = (disc / n - d * d) / n;
        if (!(varPairs > 0)) return 1;
        double ss = 0;
        for (int i = 0; i < k; i++) {
            double u = aOnly[i] - bOnly[i] - d * pairs[i];
            ss += u * u;
        }
        double varCluster = (double) k / (k - 1) * ss / (n * n);
        return Math.max(1, varCluster / varPairs);
    }
}
