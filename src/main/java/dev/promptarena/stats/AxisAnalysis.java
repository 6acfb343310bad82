package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-axis score comparison. A case's score on an axis is the mean over every parseable vote (all
 * repeats, orders, samples and judges of that case) that scored the axis for both variants; the
 * case is then one paired observation, so repeats do not inflate n. Error outcomes are left out.
 * Adjusted p-values treat the axes as one family.
 */
public final class AxisAnalysis {
    private AxisAnalysis() {}

    /** Analyses every axis in {@code axisNames}, in that order. */
    public static List<AxisResult> analyze(List<JudgedOutcome> judged, List<String> axisNames, double alpha,
                                           ClusterBootstrap bootstrap) {
        // Per axis only the per-case differences are kept (the means are taken at once): 8 bytes a case an axis
        // while the win-rate bootstrap runs beside this (issue 21).
        List<double[]> perAxis = new ArrayList<>();
        Double[] meanA = new Double[axisNames.size()], meanB = new Double[axisNames.size()];
        WilcoxonSignedRank[] tests = new WilcoxonSignedRank[axisNames.size()];
        double[] raw = new double[axisNames.size()];
        for (int i = 0; i < axisNames.size(); i++) {
            CasePairs pairs = casePairs(judged, axisNames.get(i));
            boolean any = pairs.difference().length > 0;
            meanA[i] = any ? pairs.meanA() : null;
            meanB[i] = any ? pairs.meanB() : null;
            perAxis.add(pairs.difference());
            tests[i] = WilcoxonSignedRank.test(pairs.difference());
            raw[i] = tests[i].p();
        }
        double[] holm = PAdjust.HOLM.adjust(raw);
        double[] bh = PAdjust.BENJAMINI_HOCHBERG.adjust(raw);
        double[] bonf = PAdjust.BONFERRONI.adjust(raw);
        BootstrapResult[] intervals = bootstrapByCaseCount(perAxis, alpha, bootstrap);
        List<AxisResult> out = new ArrayList<>();
        for (int i = 0; i < axisNames.size(); i++) {
            double[] d = perAxis.get(i);
            int n = d.length;
            out.add(new AxisResult(axisNames.get(i), Evidence.EXPLORATORY, n, meanA[i], meanB[i],
                    n == 0 ? null : mean(d), intervals[i], tests[i], holm[i], bh[i], bonf[i]));
        }
        return out;
    }

    /**
     * Each axis's bootstrap of the mean difference (null without cases). Axes scored on the same number of
     * cases share one resampling pass; every result equals that axis's own {@code bootstrap.mean}.
     */
    private static BootstrapResult[] bootstrapByCaseCount(List<double[]> perAxis, double alpha, ClusterBootstrap bootstrap) {
        BootstrapResult[] out = new BootstrapResult[perAxis.size()];
        Map<Integer, List<Integer>> axesByCount = new LinkedHashMap<>();
        for (int i = 0; i < perAxis.size(); i++) {
            int n = perAxis.get(i).length;
            if (n > 0) axesByCount.computeIfAbsent(n, x -> new ArrayList<>()).add(i);
        }
        for (List<Integer> axes : axesByCount.values()) {
            List<BootstrapResult> results = bootstrap.means(axes.stream().map(perAxis::get).toList(), alpha);
            for (int a = 0; a < axes.size(); a++) out[axes.get(a)] = results.get(a);
        }
        return out;
    }

    /** Per axis (in the given order), the per-case drops mean score of A − mean score of B, for the axis guardrail. */
    public static Map<String, double[]> drops(List<JudgedOutcome> judged, List<String> axisNames) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String axis : axisNames) {
            double[] d = casePairs(judged, axis).difference(); // a fresh array: negated in place
            for (int i = 0; i < d.length; i++) d[i] = -d[i];
            if (d.length > 0) out.put(axis, d);
        }
        return out;
    }

    /**
     * One axis's per-case score differences, cases in order of their first vote scoring the axis, and the means over
     * those cases of each variant's per-case mean score.
     *
     * @param meanA      mean over the cases of A's per-case mean score (NaN without cases)
     * @param meanB      same for B
     * @param difference per case, meanB − meanA
     */
    record CasePairs(double meanA, double meanB, double[] difference) {}

    static CasePairs casePairs(List<JudgedOutcome> judged, String axis) {
        CaseNumbers cases = CaseNumbers.of(judged);
        int[] number = new int[cases.count()]; // case -> its position among the cases with a score on this axis, or -1
        java.util.Arrays.fill(number, -1);
        // Per position {sumA, sumB, count} as ints: scores are whole numbers 1 to 5, so the sums are exact (as the double
        // sums they replace were) and a case would need 400 million votes to overflow; 12 bytes a case instead of 24.
        int[] sums = new int[3 * cases.count()];
        int n = 0;
        for (int i = 0; i < judged.size(); i++) {
            if (WinRateAnalysis.verdict(judged, i) == Verdict.ERROR) continue;
            for (Vote v : judged.get(i).outcome().votes()) {
                Integer a = v.scoresA().get(axis), b = v.scoresB().get(axis);
                if (v.winner() == Winner.UNPARSEABLE || a == null || b == null) continue;
                int c = cases.row()[i];
                if (number[c] < 0) number[c] = n++;
                sums[3 * number[c]] += a;
                sums[3 * number[c] + 1] += b;
                sums[3 * number[c] + 2] += 1;
            }
        }
        // The per-case means are summed as they are formed (the same terms in the same order as summing their columns).
        double[] d = new double[n];
        double totalA = 0, totalB = 0;
        for (int k = 0; k < n; k++) {
            double sa = sums[3 * k], sb = sums[3 * k + 1], count = sums[3 * k + 2];
            totalA += sa / count;
            totalB += sb / count;
            // The difference is formed from the integer sums so equal differences compare equal (ranks tie exactly).
            d[k] = (sb - sa) / count;
        }
        return new CasePairs(totalA / n, totalB / n, d);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
