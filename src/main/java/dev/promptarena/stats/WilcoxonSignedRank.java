package dev.promptarena.stats;

import java.util.Arrays;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Two-sided Wilcoxon signed-rank test on paired differences, plus the matched-pairs rank-biserial
 * correlation as effect size.
 *
 * <p>Conventions (judge scores are 1-5 integers, so zeros and ties are the rule, not the exception):
 * <ul>
 *   <li>Zero differences are dropped before ranking (Wilcoxon's original method; scipy
 *       {@code zero_method="wilcox"}, R {@code wilcox.test}).</li>
 *   <li>Tied |differences| get average ranks.</li>
 *   <li>p-value: exact null distribution when, after dropping zeros, n &lt;= 50 and there are no ties
 *       (scipy {@code method="exact"}); otherwise the normal approximation with the tie-corrected
 *       variance and no continuity correction (scipy {@code method="approx", correction=False}),
 *       because the exact distribution does not hold with ties.</li>
 *   <li>Effect size r = (R+ − R−) / (R+ + R−) over the ranks of the non-zero differences
 *       (Kerby 2014); +1 means every non-zero difference favours B.</li>
 * </ul>
 *
 * @param n            number of non-zero differences used
 * @param zeros        number of zero differences dropped
 * @param statistic    W+ (sum of ranks of positive differences)
 * @param p            two-sided p-value (1 when n == 0)
 * @param exact        true when the exact distribution was used
 * @param rankBiserial matched-pairs rank-biserial correlation (0 when n == 0)
 */
public record WilcoxonSignedRank(int n, int zeros, double statistic, double p, boolean exact, double rankBiserial) {

    /** Largest n for which the exact distribution is used (when there are no ties). */
    public static final int EXACT_MAX_N = 50;

    /** Runs the test on differences {@code d} (B − A). */
    public static WilcoxonSignedRank test(double[] d) {
        double[] nonZero = Arrays.stream(d).filter(x -> x != 0).toArray();
        int zeros = d.length - nonZero.length;
        if (nonZero.length == 0) return new WilcoxonSignedRank(0, zeros, 0, 1.0, false, 0);
        // Average ranks of |d| read from one sorted copy (a value's rank is the mean of the positions it occupies there):
        // at a million cases an array of boxed indexes sorted by value, a rank array and its sorted copy took ~50 bytes a
        // difference; this ~16, with the same ranks added in the same order.
        double[] abs = Arrays.stream(nonZero).map(Math::abs).toArray();
        double[] sorted = abs.clone();
        Arrays.sort(sorted);
        double plus = 0, minus = 0;
        boolean ties = false; // equal values share a rank, distinct values never do: tied ranks are tied values
        for (int i = 1; i < sorted.length; i++) ties |= sorted[i] == sorted[i - 1];
        for (int i = 0; i < nonZero.length; i++) {
            double rank = averageRank(sorted, abs[i]);
            if (nonZero[i] > 0) plus += rank;
            else minus += rank;
        }
        boolean exact = !ties && nonZero.length <= EXACT_MAX_N;
        double p = WilcoxonSignedRankTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED)
                .with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                .with(ContinuityCorrection.DISABLED)
                .test(nonZero).getPValue();
        return new WilcoxonSignedRank(nonZero.length, zeros, plus, p, exact, (plus - minus) / (plus + minus));
    }

    /** The rank (from 1) of {@code value} among {@code sorted}, ties given their average rank. */
    static double averageRank(double[] sorted, double value) {
        int first = after(sorted, value, true), last = after(sorted, value, false) - 1;
        return (first + last) / 2.0 + 1;
    }

    /** The first position whose value is not below {@code value} (strict) or not at or below it; sorted.length when none. */
    private static int after(double[] sorted, double value, boolean strict) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (strict ? sorted[mid] < value : sorted[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
