package dev.promptarena.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Standard normal quantiles and probabilities, in one place so every caller uses the same distribution. */
public final class Normal {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Normal() {}

    /** The p-quantile of N(0, 1). */
    public static double quantile(double p) { return STANDARD.inverseCumulativeProbability(p); }

    /** P(Z &lt;= z) for Z ~ N(0, 1). */
    public static double cdf(double z) { return STANDARD.cumulativeProbability(z); }

    /** The two-sided critical value z_{1 - alpha/2}. */
    public static double twoSidedCritical(double alpha) {
        Checks.alpha(alpha);
        return quantile(1 - alpha / 2);
    }

    /** Two-sided p-value of a z statistic. */
    public static double twoSidedP(double z) { return 2 * STANDARD.survivalProbability(Math.abs(z)); }
}
