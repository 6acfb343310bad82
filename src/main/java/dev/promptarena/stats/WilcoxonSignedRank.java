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
        double[] ranks = averageRanks(Arrays.stream(nonZero).map(Math::abs).toArray());
        double plus = 0, minus = 0;
        boolean ties = false;
        double[] sortedRanks = ranks.clone();
        Arrays.sort(sortedRanks);
        for (int i = 1; i < sortedRanks.length; i++) ties |= sortedRanks[i] == sortedRanks[i - 1];
        for (int i = 0; i < nonZero.length; i++) {
            if (nonZero[i] > 0) plus += ranks[i];
            else minus += ranks[i];
        }
        boolean exact = !ties && nonZero.length <= EXACT_MAX_N;
        double p = WilcoxonSignedRankTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED)
                .with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                .with(ContinuityCorrection.DISABLED)
                .test(nonZero).getPValue();
        return new WilcoxonSignedRank(nonZero.length, zeros, plus, p, exact, (plus - minus) / (plus + minus));
    }

    /** Ranks 1..n with ties given their average rank. */
    static double[] averageRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = avg;
            i = j + 1;
        }
        return ranks;
    }
}
