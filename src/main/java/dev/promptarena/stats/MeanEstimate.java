package dev.promptarena.stats;

/**
 * A mean of tie-half scores (B's win rate) with its standard error and normal-approximation (CLT) interval.
 *
 * @param estimate      the point estimate
 * @param standardError its estimated standard error (&gt;= 0)
 * @param interval      estimate ± z·standardError, clipped to [0, 1] because a win rate cannot leave it
 *                      (clipping never removes the true value, so coverage is unchanged)
 */
public record MeanEstimate(double estimate, double standardError, Interval interval) {
    public MeanEstimate {
        if (!Double.isFinite(estimate)) throw new IllegalArgumentException("estimate must be finite, got: " + estimate);
        if (!(standardError >= 0)) throw new IllegalArgumentException("standardError must be >= 0, got: " + standardError);
    }

    /** The two-sided 1 - alpha interval estimate ± z_{1-alpha/2}·se, named {@code method}. */
    static MeanEstimate normal(double estimate, double se, double alpha, String method) {
        double half = Normal.twoSidedCritical(alpha) * se;
        double lo = Math.max(0, Math.min(1, estimate - half));
        double hi = Math.min(1, Math.max(0, estimate + half));
        return new MeanEstimate(estimate, se, new Interval(lo, hi, 1 - alpha, method));
    }

    /** The mean of {@code x} with the CLT interval (standard deviation with divisor n, as numpy's default). */
    static MeanEstimate clt(double[] x, double alpha, String method) {
        if (x.length < 2) throw new IllegalArgumentException("need at least 2 values, got: " + x.length);
        return normal(Moments.mean(x), Moments.sd0(x) / Math.sqrt(x.length), alpha, method);
    }
}
