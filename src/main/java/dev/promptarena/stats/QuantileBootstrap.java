package dev.promptarena.stats;

import java.util.Arrays;

/**
 * Percentile bootstrap of the difference of one quantile between two paired samples (B − A), resampling whole
 * cases: a case's repeats go together and its A and B values stay paired, as in {@link ClusterBootstrap}. Used for
 * the {@code latency_p95_increase_ms} guardrail, whose statistic (a difference of p95s) is not a mean, so neither
 * a t bound nor the ratio bootstrap applies. The percentile interval rather than BCa: a quantile's jackknife is
 * unreliable (it moves in jumps between order statistics), which is what BCa's acceleration relies on.
 * Reference: {@code scipy.stats.bootstrap((a, b), stat, paired=True, method="percentile")} (reference/guardrails.py).
 */
public final class QuantileBootstrap {
    private QuantileBootstrap() {}

    /**
     * {lower, upper}: the gamma and 1 − gamma quantiles (type 7) of the resampled differences, each a one-sided bound
     * at confidence 1 − gamma; null without cases.
     *
     * @param a per case, A's values (one per repeat); a case may have several
     * @param b per case, B's values, same shape as {@code a}
     * @param p the quantile, e.g. 0.95
     */
    public static double[] bounds(double[][] a, double[][] b, double p, double gamma, long seed, int resamples) {
        Checks.probability("p", p);
        if (!(gamma > 0 && gamma < 0.5)) throw new IllegalArgumentException("gamma must be in (0, 0.5), got: " + gamma);
        if (a.length != b.length) throw new IllegalArgumentException("need one row per case on both sides, got: " + a.length + " and " + b.length);
        int k = a.length;
        if (k == 0) return null;
        int total = 0;
        for (double[] row : a) total += row.length;
        double[] boot = new double[resamples];
        int[] drawn = new int[k];
        double[] bufA = new double[total * 2], bufB = new double[total * 2];
        SplitMixDraws random = new SplitMixDraws(seed);
        for (int r = 0; r < resamples; r++) {
            random.fill(drawn, k);
            int m = 0;
            for (int i = 0; i < k; i++) {
                double[] ra = a[drawn[i]], rb = b[drawn[i]];
                if (m + ra.length > bufA.length) {
                    bufA = Arrays.copyOf(bufA, 2 * (m + ra.length));
                    bufB = Arrays.copyOf(bufB, bufA.length);
                }
                System.arraycopy(ra, 0, bufA, m, ra.length);
                System.arraycopy(rb, 0, bufB, m, rb.length);
                m += ra.length;
            }
            if (m == 0) { boot[r] = 0; continue; }
            double[] sa = Arrays.copyOf(bufA, m), sb = Arrays.copyOf(bufB, m);
            Arrays.sort(sa);
            Arrays.sort(sb);
            boot[r] = Quantiles.type7(sb, p) - Quantiles.type7(sa, p);
        }
        Arrays.sort(boot);
        return new double[] {Quantiles.type7(boot, gamma), Quantiles.type7(boot, 1 - gamma)};
    }
}
