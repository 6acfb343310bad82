package dev.promptarena.stats.sequential;

import java.util.List;

/**
 * A pre-registered group-sequential design.
 *
 * @param fractions information fractions of the looks, increasing, in (0, 1]; the last look is the
 *                  final analysis and spends whatever error is left, even if it comes early
 * @param spending  alpha-spending function for the efficacy boundary
 * @param alpha     the level: two-sided when {@code twoSided} (half on each side), else one-sided
 * @param twoSided  symmetric boundaries ±c_k (upper: B better, lower: B worse); else upper only
 * @param futility  beta-spending function for non-binding futility stops, or null for none
 * @param beta      type II error the design is powered for, 1 − power (also the futility budget)
 */
public record SequentialDesign(List<Double> fractions, Spending spending, double alpha, boolean twoSided,
                               Spending futility, double beta) {
    public SequentialDesign {
        fractions = List.copyOf(fractions);
        if (fractions.isEmpty()) throw new IllegalArgumentException("looks must not be empty");
        if (fractions.size() > 20) throw new IllegalArgumentException("at most 20 looks, got: " + fractions.size());
        double prev = 0;
        for (double t : fractions) {
            if (!(t > prev && t <= 1)) throw new IllegalArgumentException("look fractions must increase within (0, 1], got: " + fractions);
            prev = t;
        }
        if (spending == null) throw new IllegalArgumentException("spending is required");
        if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha must be in (0, 0.5), got: " + alpha);
        if (!(beta > 0 && beta < 0.5)) throw new IllegalArgumentException("beta (1 - power) must be in (0, 0.5), got: " + beta);
    }

    /** {@code looks} equally spaced looks, two-sided, no futility. */
    public static SequentialDesign equallySpaced(int looks, Spending spending, double alpha, double power) {
        if (looks < 1) throw new IllegalArgumentException("looks must be >= 1, got: " + looks);
        List<Double> t = java.util.stream.IntStream.rangeClosed(1, looks).mapToObj(k -> (double) k / looks).toList();
        return new SequentialDesign(t, spending, alpha, true, null, 1 - power);
    }

    /** The same design with non-binding futility by the given beta-spending function. */
    public SequentialDesign withFutility(Spending betaSpending) {
        return new SequentialDesign(fractions, spending, alpha, twoSided, betaSpending, beta);
    }

    /** The error level spent on the upper (efficacy) side. */
    public double upperLevel() { return twoSided ? alpha / 2 : alpha; }

    public int looks() { return fractions.size(); }
}
