package dev.promptarena.stats;

/**
 * A cluster-bootstrap interval and how it was obtained.
 *
 * @param estimate  the statistic on the original data
 * @param interval  the interval; {@code interval.method()} is {@code bootstrap-bca} or {@code bootstrap-percentile}
 * @param clusters  number of clusters resampled
 * @param resamples number of bootstrap resamples
 * @param seed      the random seed (re-running with it reproduces the interval exactly)
 * @param note      why BCa was not used, or null when it was
 */
public record BootstrapResult(double estimate, Interval interval, int clusters, int resamples, long seed, String note) {
    /** True when the bias-corrected and accelerated interval was used. */
    public boolean bca() { return note == null; }
}
