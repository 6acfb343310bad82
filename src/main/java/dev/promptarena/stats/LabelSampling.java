package dev.promptarena.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which cases to send to human labellers. Active statistical inference (Zrnic &amp; Candès 2024) labels case i
 * with probability π_i ∝ √u_i, u_i an estimate of the judge's expected squared error on it, which minimises the
 * variance of {@link ActivePpi}. Because u_i is only a guess, a share of the budget is spread uniformly (their
 * "mixing with the uniform rule"): it bounds every weight 1/π_i, so a case the judge was sure about and got
 * wrong cannot blow up the interval. Draws are independent (Poisson sampling), so the number of cases drawn
 * is random with mean {@code budget}, and the estimator only needs each case's own π_i.
 */
public final class LabelSampling {
    /** Share of the budget spread uniformly (see the class comment); 0.3 kept coverage at 95% in bench/ppi-coverage.sh. */
    public static final double DEFAULT_UNIFORM_SHARE = 0.3;

    private LabelSampling() {}

    /** π_i = budget / N for every case: plain random labelling. */
    public static double[] uniform(int cases, double budget) {
        checkBudget(cases, budget);
        double[] pi = new double[cases];
        Arrays.fill(pi, budget / cases);
        return pi;
    }

    /**
     * π_i proportional to (1 − share)·√u_i/Σ√u + share/N, scaled so they sum to {@code budget}; cases that
     * would exceed 1 are labelled for sure and the rest of the budget is spread over the others.
     *
     * @param uncertainty  u_i &gt;= 0 per case (all zero: uniform)
     * @param budget       expected number of labels, in (0, N]
     * @param uniformShare share of the budget spread uniformly, in (0, 1]
     */
    public static double[] proportionalToRootUncertainty(double[] uncertainty, double budget, double uniformShare) {
        int n = uncertainty.length;
        checkBudget(n, budget);
        if (!(uniformShare > 0 && uniformShare <= 1)) throw new IllegalArgumentException("uniformShare must be in (0, 1], got: " + uniformShare);
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(uncertainty[i] >= 0 && Double.isFinite(uncertainty[i]))) {
                throw new IllegalArgumentException("uncertainty must be finite and >= 0, got: " + uncertainty[i] + " at " + i);
            }
            w[i] = Math.sqrt(uncertainty[i]);
            total += w[i];
        }
        for (int i = 0; i < n; i++) w[i] = (1 - uniformShare) * (total > 0 ? w[i] / total : 1.0 / n) + uniformShare / n;
        double[] pi = new double[n];
        boolean[] sure = new boolean[n];
        // Each pass fixes at least one more case at 1, so this ends within n passes.
        while (true) {
            double rest = budget, free = 0;
            for (int i = 0; i < n; i++) {
                if (sure[i]) rest -= 1;
                else free += w[i];
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (sure[i]) { pi[i] = 1; continue; }
                pi[i] = rest * w[i] / free;
                if (pi[i] >= 1) { sure[i] = true; changed = true; }
            }
            if (!changed) return pi;
        }
    }

    /** Poisson sampling: case i is drawn when a uniform draw from the seeded stream falls below π_i. */
    public static boolean[] draw(double[] pi, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] out = new boolean[pi.length];
        for (int i = 0; i < pi.length; i++) out[i] = random.nextDouble() < pi[i];
        return out;
    }

    private static void checkBudget(int cases, double budget) {
        if (cases <= 0) throw new IllegalArgumentException("need at least one case, got: " + cases);
        if (!(budget > 0 && budget <= cases)) throw new IllegalArgumentException("budget must be in (0, " + cases + "], got: " + budget);
    }
}
