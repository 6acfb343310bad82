package dev.promptarena.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which cases to send to human labellers. Active statistical inference (Zrnic &amp; Candès 2024) labels case i
 * with probability π_i ∝ √u_i, u_i an estimate of the judge's expected squared error on it, which minimises the
 * variance of {@link ActivePpi}. Because u_i is only a guess, a share of the budget is spread uniformly (their
 * "mixing with the uniform rule"): it bounds every weight 1/π_i, so a case the judge was sure about and got
 * wrong cannot blow up the interval. {@link #drawExactly} draws exactly the budget with these first-order
 * inclusion probabilities (randomised systematic sampling); {@link #draw} is independent (Poisson) sampling,
 * whose count varies around the budget. The estimator only needs each case's own π_i either way.
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

    /**
     * Exactly n = round(Σπ) cases, case i with probability π_i: randomised systematic πps sampling (Goodman &amp;
     * Kish 1950; Hartley &amp; Rao 1962; Tillé 2006, "Sampling Algorithms", §7.2). The cases are put in a seeded
     * random order, laid end to end as intervals of length π_i·n/Σπ, and a comb of n points one unit apart with a
     * uniform random start picks the cases whose interval a point falls in. Every π_i &lt;= 1, so no case is
     * picked twice, the count is exactly n, and P(case i picked) = π_i for every random order. With equal π_i the
     * comb picks a fixed set of n positions of a uniformly random order: a simple random sample without replacement.
     * WHY systematic and not conditional Poisson or Sampford: its inclusion probabilities are exactly the π_i
     * asked for, with no iteration, and the random order keeps its joint inclusion probabilities positive.
     */
    public static boolean[] drawExactly(double[] pi, long seed) {
        int n = pi.length;
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        double total = 0;
        for (int i : order) {
            if (!(pi[i] >= 0 && pi[i] <= 1)) throw new IllegalArgumentException("pi must be in [0, 1], got: " + pi[i] + " at " + i);
            total += pi[i];
        }
        long count = Math.round(total);
        if (count < 1 || Math.abs(total - count) > 1e-6) throw new IllegalArgumentException("the probabilities must sum to a whole number >= 1, got: " + total);
        // Step total/count (1 up to rounding), so the last point start + (count - 1)·step stays below the summed total.
        double step = total / count, point = random.nextDouble() * step, cum = 0;
        boolean[] out = new boolean[n];
        for (int i : order) {
            cum += pi[i];
            if (point < cum) { out[i] = true; point += step; }
        }
        return out;
    }

    private static void checkBudget(int cases, double budget) {
        if (cases <= 0) throw new IllegalArgumentException("need at least one case, got: " + cases);
        if (!(budget > 0 && budget <= cases)) throw new IllegalArgumentException("budget must be in (0, " + cases + "], got: " + budget);
    }
}
