package dev.promptarena.similarity;

/**
 * How close each variant's outputs are to the reference answers, and whether B moved.
 * Cases are the unit: repeats of a case are averaged first, so repeats narrow nothing they should not.
 *
 * @param cases      cases with a similarity for both A and B
 * @param meanA      mean similarity of A's outputs to the reference
 * @param meanB      mean similarity of B's outputs
 * @param meanDiff   mean paired difference B - A (equals meanB - meanA)
 * @param low        lower end of the paired t interval for the difference (NaN when fewer than 2 cases)
 * @param high       upper end (NaN when fewer than 2 cases)
 * @param pValue     two-sided paired t-test p-value for "no difference" (NaN when fewer than 2 cases;
 *                   1 when every difference is exactly zero)
 * @param confidence the interval's confidence level, e.g. 0.95
 */
public record SimilaritySummary(int cases, double meanA, double meanB, double meanDiff,
                                double low, double high, double pValue, double confidence) {
    public SimilaritySummary {
        if (cases < 0) throw new IllegalArgumentException("cases must be >= 0, got: " + cases);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got: " + confidence);
        if (low > high) throw new IllegalArgumentException("interval is reversed: [" + low + ", " + high + "]");
    }

    /** True when the interval lies entirely below zero: B is measurably further from the references. */
    public boolean bWorse() { return high < 0; }
}
