package dev.promptarena.stats;

import java.util.List;

/**
 * Score interval for a mean of tie-half scores (1 win, ½ tie, 0 loss), optionally the equally weighted mean
 * of several groups (the presentation orders), with the variance ties really leave.
 *
 * <p>A score in {0, ½, 1} with mean θ and tie share t has variance θ(1 − θ) − t/4, not the Bernoulli
 * θ(1 − θ) Wilson assumes, so Wilson is conservative when ties are frequent. For groups g with n_g scores,
 * mean s_g and tie share t_g, the estimate is θ̂ = (1/k) Σ s_g and the interval is every θ = θ̂ + d with
 * d² ≤ z² Σ (1/k)² v_g(d) / n_g, where v_g(d) = (s_g + d)(1 − s_g − d) − t_g/4 is group g's variance
 * if every group mean moved by d. That is a quadratic in d, solved exactly. With one group and no ties it is
 * the Wilson interval; with the two presentation orders as groups the estimate is the mean of B's win rate
 * when shown first and when shown second, which removes a position effect: a judge that always picks the
 * first slot gives s = 1 and 0, θ̂ = ½ and, with equal groups, the single point ½.
 */
public final class TieAwareScore {
    private TieAwareScore() {}

    /** One group of scores: its size, mean tie-half score and share of ties. */
    public record Group(int n, double mean, double tieRate) {
        public Group {
            if (n <= 0) throw new IllegalArgumentException("n must be > 0, got: " + n);
            if (!(mean >= 0 && mean <= 1)) throw new IllegalArgumentException("mean must be in [0, 1], got: " + mean);
            if (!(tieRate >= 0 && tieRate <= 1)) throw new IllegalArgumentException("tieRate must be in [0, 1], got: " + tieRate);
        }

        /** The group of {@code wins}, {@code ties} and {@code losses}. */
        public static Group of(int wins, int ties, int losses) {
            int n = wins + ties + losses;
            return new Group(n, (wins + 0.5 * ties) / n, ties / (double) n);
        }
    }

    /** The equally weighted mean of the group means. */
    public static double estimate(List<Group> groups) {
        return groups.stream().mapToDouble(Group::mean).average().orElseThrow();
    }

    /** The (1 − alpha) interval around {@link #estimate}, clipped to [0, 1]. */
    public static Interval interval(List<Group> groups, double alpha) {
        if (groups.isEmpty()) throw new IllegalArgumentException("groups must not be empty");
        double z2 = Math.pow(Normal.twoSidedCritical(alpha), 2);
        double w2 = 1.0 / ((double) groups.size() * groups.size());
        double a = 1, b = 0, c = 0;
        for (Group g : groups) {
            double f = z2 * w2 / g.n();
            a += f;
            b += f * (1 - 2 * g.mean());
            c += f * Math.max(0, g.mean() * (1 - g.mean()) - g.tieRate() / 4);
        }
        // a·d² − b·d − c = 0
        double root = Math.sqrt(b * b + 4 * a * c);
        double est = estimate(groups);
        double lo = est + (b - root) / (2 * a), hi = est + (b + root) / (2 * a);
        return new Interval(Math.max(0, Math.min(est, lo)), Math.min(1, Math.max(est, hi)), 1 - alpha, "tie-aware score");
    }
}
