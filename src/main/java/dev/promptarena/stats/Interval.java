package dev.promptarena.stats;

/**
 * A two-sided confidence interval.
 *
 * @param lower  lower bound
 * @param upper  upper bound
 * @param level  confidence level, e.g. 0.95
 * @param method how it was computed, e.g. {@code wilson}, {@code bootstrap-bca}, {@code bootstrap-percentile}, {@code wald}
 */
public record Interval(double lower, double upper, double level, String method) {
    public Interval {
        if (!(lower <= upper)) throw new IllegalArgumentException("lower must be <= upper, got: " + lower + " > " + upper);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got: " + level);
    }

    /** True when the two intervals share at least one point. */
    public boolean overlaps(Interval other) {
        return lower <= other.upper && other.lower <= upper;
    }
}
