package dev.promptarena.stats;

import java.util.Arrays;

/** Sample quantiles. */
public final class Quantiles {
    private Quantiles() {}

    /**
     * Hyndman-Fan type 7 quantile (linear interpolation between order statistics), the default of
     * R's {@code quantile} and numpy's {@code percentile}, of an already sorted array.
     */
    public static double type7(double[] sorted, double p) {
        Checks.probability("p", p);
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Type 7 quantile of unsorted values (copied, the input is not modified). */
    public static double of(double[] values, double p) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return type7(copy, p);
    }
}
