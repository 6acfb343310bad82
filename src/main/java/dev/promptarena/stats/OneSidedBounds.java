package dev.promptarena.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * One-sided confidence bounds for the guardrails, each at confidence 1 − gamma.
 * <ul>
 *   <li>{@link #meanLower}/{@link #meanUpper}: Student t bound on a mean of paired differences,
 *       mean ∓ t_{1−γ, n−1} · sd / √n (R's {@code t.test(d, alternative = "greater"/"less")$conf.int}).</li>
 *   <li>{@link #pairedDifferenceLower}/{@link #pairedDifferenceUpper}: bound on p₁ − p₂ of two paired proportions
 *       from the discordant counts, by the Agresti–Min (2005) adjusted Wald interval: add ½ to every cell of the
 *       2×2 table, then Wald. Plain Wald is far too liberal when discordant pairs are few (4 vs 0 of 200 would
 *       already be "significant"); the adjusted one keeps its level. The counts may be fractional: with repeats
 *       they are effective counts, divided by the {@link DesignEffect}.</li>
 *   <li>{@link #proportionLower}/{@link #proportionUpper}: Wilson score bound on one proportion (statsmodels
 *       {@code proportion_confint(x, n, alpha=2γ, method="wilson")}, one end): Newcombe's (1998) recommended interval,
 *       which keeps its level near 0 where Wald collapses (0 of 200 truncated would give a bound of 0).</li>
 * </ul>
 */
public final class OneSidedBounds {
    private OneSidedBounds() {}

    /** Lower bound of the mean of {@code d}; null with fewer than 2 values. */
    public static Double meanLower(double[] d, double gamma) {
        Double h = halfWidth(d, gamma);
        return h == null ? null : mean(d) - h;
    }

    /** Upper bound of the mean of {@code d}; null with fewer than 2 values. */
    public static Double meanUpper(double[] d, double gamma) {
        Double h = halfWidth(d, gamma);
        return h == null ? null : mean(d) + h;
    }

    /** Lower bound of p₁ − p₂ with {@code only1} pairs where only the first passed and {@code only2} only the second, of n. */
    public static Double pairedDifferenceLower(double only1, double only2, double n, double gamma) {
        double[] c = adjusted(only1, only2, n);
        return c == null ? null : c[0] - Normal.quantile(1 - gamma) * c[1];
    }

    /** Upper bound of p₁ − p₂ (see {@link #pairedDifferenceLower}). */
    public static Double pairedDifferenceUpper(double only1, double only2, double n, double gamma) {
        double[] c = adjusted(only1, only2, n);
        return c == null ? null : c[0] + Normal.quantile(1 - gamma) * c[1];
    }

    /** Lower Wilson score bound of a proportion with {@code x} successes of {@code n}; null when n = 0. */
    public static Double proportionLower(int x, int n, double gamma) {
        double[] w = wilson(x, n, gamma);
        return w == null ? null : w[0] - w[1];
    }

    /** Upper Wilson score bound of a proportion (see {@link #proportionLower}). */
    public static Double proportionUpper(int x, int n, double gamma) {
        double[] w = wilson(x, n, gamma);
        return w == null ? null : w[0] + w[1];
    }

    /** {centre, half-width} of the Wilson score interval with z = Φ⁻¹(1 − γ), or null when n = 0. */
    private static double[] wilson(int x, int n, double gamma) {
        if (n <= 0) return null;
        if (x < 0 || x > n) throw new IllegalArgumentException("successes must be in [0, " + n + "], got: " + x);
        double z = Normal.quantile(1 - gamma), z2 = z * z;
        double centre = (x + z2 / 2) / (n + z2);
        double half = z / (n + z2) * Math.sqrt(x * (double) (n - x) / n + z2 / 4);
        return new double[] {centre, half};
    }

    /** {adjusted difference, its standard error}, or null when n = 0. */
    private static double[] adjusted(double only1, double only2, double n) {
        if (n <= 0) return null;
        double b = only1 + 0.5, c = only2 + 0.5, m = n + 2.0;
        double diff = (b - c) / m;
        double var = ((b + c) - (b - c) * (b - c) / m) / (m * m);
        return new double[] {diff, Math.sqrt(Math.max(0, var))};
    }

    private static Double halfWidth(double[] d, double gamma) {
        int n = d.length;
        if (n < 2) return null;
        double m = mean(d), ss = 0;
        for (double x : d) ss += (x - m) * (x - m);
        double sd = Math.sqrt(ss / (n - 1));
        return new TDistribution(null, n - 1).inverseCumulativeProbability(1 - gamma) * sd / Math.sqrt(n);
    }

    private static double mean(double[] d) {
        double s = 0;
        for (double x : d) s += x;
        return s / d.length;
    }
}
