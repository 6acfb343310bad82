package dev.promptarena.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Rates of a binary outcome whose units (turns) come in clusters (sessions), with cluster-robust standard
 * errors: the linear probability model {@code y ~ 1} (one rate) or {@code y ~ 1 + treated} (a difference)
 * with the sandwich variance over clusters and the small-sample factor G/(G−1)·(N−1)/(N−K), exactly as
 * {@code sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": g}, use_t=False)} computes it. Turns of one
 * session are correlated (a frustrated user rephrases several times), so a test that treats turns as
 * independent is too confident; clustering by session is the unit the assignment randomized.
 */
public final class ClusteredProportions {
    private ClusteredProportions() {}

    /** An estimate with its cluster-robust standard error, normal interval and two-sided p-value against 0. */
    public record Estimate(double estimate, double se, Interval interval, double z, double p, int units, int clusters) {}

    /** One rate: y[i] in {0, 1}, cluster[i] the unit's cluster id. */
    public static Estimate rate(double[] y, int[] cluster, double alpha) {
        int n = y.length;
        if (n == 0) throw new IllegalArgumentException("no units");
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        Map<Integer, Double> sums = new HashMap<>();
        for (int i = 0; i < n; i++) sums.merge(cluster[i], y[i] - mean, Double::sum);
        int g = sums.size();
        double meat = 0;
        for (double s : sums.values()) meat += s * s;
        double se = g < 2 ? Double.NaN : Math.sqrt(g / (g - 1.0) * meat) / n; // (N−1)/(N−K) = 1 for K = 1
        return estimate(mean, se, alpha, n, g);
    }

    /**
     * How much less a rate's turns are worth than independent ones: the cluster-robust variance of the rate (as
     * {@link #rate}) over its variance when the turns are taken as independent, s²/n with the sample variance s²
     * (statsmodels {@code OLS(y, ones).fit().bse[0]²}). With one turn per session the two are equal and the effect is
     * exactly 1, so independent turns keep their count; turns / design effect is the window's effective number of turns.
     * Floored at 1: below 1 (sessions whose turns disagree more than chance) is noise at these sizes, and taking it would
     * count more turns than there are. With every turn alike the independent variance is 0 and nothing can be measured:
     * 1. With a single session nothing separates the turns from the session: the effect is the number of turns (one
     * effective turn).
     *
     * @param rate {@link #rate} of the same {@code y} and clusters: its variance is the numerator, not computed again
     */
    public static double rateDesignEffect(double[] y, Estimate rate) {
        int n = y.length;
        if (rate.clusters() < 2) return n;
        double squares = 0;
        for (double v : y) squares += (v - rate.estimate()) * (v - rate.estimate());
        if (!(squares > 0)) return 1;
        // rate.se()² = g/(g−1)·meat/n² (as rate computes it), over s²/n = squares/((n−1)·n)
        return Math.max(1, rate.se() * rate.se() * (n - 1.0) * n / squares);
    }

    /** The difference in rates, treated minus untreated, from {@code y ~ 1 + treated} with clustered errors. */
    public static Estimate difference(double[] y, boolean[] treated, int[] cluster, double alpha) {
        int n = y.length, nt = 0;
        double sumT = 0, sumC = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i]) { nt++; sumT += y[i]; } else sumC += y[i];
        }
        int nc = n - nt;
        if (nt == 0 || nc == 0) throw new IllegalArgumentException("both groups need units, got " + nc + " and " + nt);
        double a = sumC / nc, b = sumT / nt - a;
        // Bread (X'X)^-1 for columns [1, treated]: X'X = [[n, nt], [nt, nt]].
        double det = (double) n * nt - (double) nt * nt;
        double i01 = -nt / det, i11 = n / det;
        // Meat: sum over clusters of (X_g' e_g)(X_g' e_g)'.
        Map<Integer, double[]> scores = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double e = y[i] - a - (treated[i] ? b : 0);
            double[] s = scores.computeIfAbsent(cluster[i], k -> new double[2]);
            s[0] += e;
            if (treated[i]) s[1] += e;
        }
        int g = scores.size();
        double m00 = 0, m01 = 0, m11 = 0;
        for (double[] s : scores.values()) {
            m00 += s[0] * s[0];
            m01 += s[0] * s[1];
            m11 += s[1] * s[1];
        }
        // Variance of b: row 1 of bread × meat × column 1 of bread.
        double r0 = i01, r1 = i11;
        double varB = r0 * r0 * m00 + 2 * r0 * r1 * m01 + r1 * r1 * m11;
        double c = g < 2 ? Double.NaN : g / (g - 1.0) * (n - 1.0) / (n - 2.0);
        return estimate(b, Math.sqrt(c * varB), alpha, n, g);
    }

    private static Estimate estimate(double est, double se, double alpha, int n, int g) {
        double zc = Normal.twoSidedCritical(alpha);
        double z = se > 0 ? est / se : Double.NaN;
        // se = 0: every unit agrees within each group; no difference is no evidence, any difference is certain.
        double p = se > 0 ? Normal.twoSidedP(z) : se == 0 ? (est == 0 ? 1 : 0) : Double.NaN;
        Interval interval = Double.isNaN(se) ? null : new Interval(est - zc * se, est + zc * se, 1 - alpha, "cluster-robust");
        return new Estimate(est, se, interval, z, p, n, g);
    }
}
