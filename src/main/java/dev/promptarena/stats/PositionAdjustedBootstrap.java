package dev.promptarena.stats;

/**
 * Cluster (case) bootstrap of the position-adjusted win rate, for runs with repeats (several outcomes per case):
 * θ = ½ · (mean score of the outcomes that showed B first) + ½ · (mean score of those that showed A first), the same
 * estimate as {@link TieAwareScore#estimate} on the two presentation groups. Whole cases are resampled, so the
 * correlation of a case's repeats stays in the interval, and the statistic is recomputed per resample, so the
 * interval is around the estimate that removes the position effect (an always-first judge gives exactly 0.5 in
 * every resample that drew both orders). BCa with the leave-one-case-out jackknife, or the percentile interval saying why
 * ({@link ClusterBootstrap#fromResamples}). Reference: {@code scipy.stats.bootstrap} on the per-case sums with this
 * statistic (reference/position_adjusted.py).
 */
final class PositionAdjustedBootstrap {
    private PositionAdjustedBootstrap() {}

    /**
     * @param firstSum   per case, the summed scores (1 B won, ½ tie, 0 A won) of its outcomes that showed B first
     * @param firstN     per case, how many of its scored outcomes showed B first
     * @param secondSum  same for the outcomes that showed A first
     * @param secondN    their number
     */
    static BootstrapResult interval(double[] firstSum, double[] firstN, double[] secondSum, double[] secondN, double alpha,
                                    ClusterBootstrap bootstrap) {
        Checks.alpha(alpha);
        int k = firstSum.length;
        if (k == 0 || firstN.length != k || secondSum.length != k || secondN.length != k) {
            throw new IllegalArgumentException("need four non-empty arrays of one length, got " + k + " cases");
        }
        double sf = 0, nf = 0, ss = 0, ns = 0;
        for (int i = 0; i < k; i++) { sf += firstSum[i]; nf += firstN[i]; ss += secondSum[i]; ns += secondN[i]; }
        if (nf == 0 || ns == 0) throw new IllegalArgumentException("both presentation orders need scored outcomes");
        double estimate = theta(sf, nf, ss, ns);
        int resamples = bootstrap.resamples();
        double[] boot = new double[resamples];
        SplitMixDraws random = new SplitMixDraws(bootstrap.seed());
        int[] drawn = new int[k];
        for (int b = 0; b < resamples; b++) {
            random.fill(drawn, k);
            double bsf = 0, bnf = 0, bss = 0, bns = 0;
            for (int i : drawn) { bsf += firstSum[i]; bnf += firstN[i]; bss += secondSum[i]; bns += secondN[i]; }
            boot[b] = theta(bsf, bnf, bss, bns);
        }
        // The leave-one-case-out values, each formed when read.
        double sf0 = sf, nf0 = nf, ss0 = ss, ns0 = ns;
        return ClusterBootstrap.fromResamples(estimate, boot, i -> theta(sf0 - firstSum[i], nf0 - firstN[i], ss0 - secondSum[i], ns0 - secondN[i]),
                k, alpha, resamples, bootstrap.seed());
    }

    /** ½ (first mean + second mean); a resample that drew only one order has only that order's mean to give. */
    private static double theta(double sf, double nf, double ss, double ns) {
        if (nf == 0) return ss / ns;
        if (ns == 0) return sf / nf;
        return 0.5 * (sf / nf) + 0.5 * (ss / ns);
    }
}
