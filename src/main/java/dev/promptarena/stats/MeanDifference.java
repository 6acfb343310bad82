package dev.promptarena.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Difference of means (second minus first) with a Student-t confidence interval and two-sided p-value:
 * paired (scipy {@code ttest_rel(second, first)}) when the same cases were measured twice, Welch
 * (scipy {@code ttest_ind(second, first, equal_var=False)}) otherwise. Used by {@code compare} for
 * run-to-run deltas of per-case scores, which are bounded, so the t interval is accurate from a few
 * dozen cases on.
 *
 * @param estimate mean(second) - mean(first) (paired: mean of the per-case differences)
 * @param interval the interval, or null with fewer than two values on a side
 * @param p        two-sided p-value against no difference (NaN when not computable)
 * @param n1       values of the first run
 * @param n2       values of the second run
 * @param paired   paired design
 */
public record MeanDifference(double estimate, Interval interval, double p, int n1, int n2, boolean paired) {
    /** Paired: {@code first[i]} and {@code second[i]} belong to the same case. */
    public static MeanDifference paired(double[] first, double[] second, double alpha) {
        if (first.length != second.length) throw new IllegalArgumentException("paired arrays differ in length: " + first.length + " vs " + second.length);
        int n = first.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = second[i] - first[i];
        double mean = mean(d);
        if (n < 2) return new MeanDifference(mean, null, Double.NaN, n, n, true);
        double se = Math.sqrt(variance(d, mean) / n);
        return withT(mean, se, n - 1.0, alpha, n, n, true);
    }

    /** Unpaired, unequal variances (Welch-Satterthwaite degrees of freedom). */
    public static MeanDifference welch(double[] first, double[] second, double alpha) {
        double m1 = mean(first), m2 = mean(second);
        if (first.length < 2 || second.length < 2) return new MeanDifference(m2 - m1, null, Double.NaN, first.length, second.length, false);
        double v1 = variance(first, m1) / first.length, v2 = variance(second, m2) / second.length;
        double se = Math.sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (first.length - 1) + v2 * v2 / (second.length - 1));
        return withT(m2 - m1, se, df, alpha, first.length, second.length, false);
    }

    private static MeanDifference withT(double est, double se, double df, double alpha, int n1, int n2, boolean paired) {
        String method = paired ? "paired-t" : "welch-t";
        if (se == 0 || Double.isNaN(se)) {
            // No spread: every case moved by exactly the same amount (often 0 for re-runs from the cache).
            return new MeanDifference(est, new Interval(est, est, 1 - alpha, method), est == 0 ? 1.0 : 0.0, n1, n2, paired);
        }
        TDistribution t = TDistribution.of(df);
        double q = t.inverseSurvivalProbability(alpha / 2);
        double p = 2 * t.survivalProbability(Math.abs(est / se));
        return new MeanDifference(est, new Interval(est - q * se, est + q * se, 1 - alpha, method), Math.min(1, p), n1, n2, paired);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return s / (v.length - 1);
    }
}
