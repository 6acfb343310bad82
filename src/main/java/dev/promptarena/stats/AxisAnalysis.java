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
            meanA[i] = any ? mean(pairs.meanA()) : null;
            meanB[i] = any ? mean(pairs.meanB()) : null;
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
            double[] d = casePairs(judged, axis).difference().clone();
            for (int i = 0; i < d.length; i++) d[i] = -d[i];
            if (d.length > 0) out.put(axis, d);
        }
        return out;
    }

    /**
     * One axis's per-case means as columns, cases in order of their first vote scoring the axis.
     *
     * @param meanA      per case, A's mean score
     * @param meanB      per case, B's mean score
     * @param difference per case, meanB − meanA
     */
    record CasePairs(double[] meanA, double[] meanB, double[] difference) {}

    static CasePairs casePairs(List<JudgedOutcome> judged, String axis) {
        CaseNumbers cases = CaseNumbers.of(judged);
        int[] number = new int[cases.count()]; // case -> its position among the cases with a score on this axis, or -1
        java.util.Arrays.fill(number, -1);
        double[] sums = new double[3 * cases.count()]; // per position: {sumA, sumB, count}
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
        double[] meanA = new double[n], meanB = new double[n], d = new double[n];
        for (int k = 0; k < n; k++) {
            double sa = sums[3 * k], sb = sums[3 * k + 1], count = sums[3 * k + 2];
            meanA[k] = sa / count;
            meanB[k] = sb / count;
            // The difference is formed from the integer sums so equal differences compare equal (ranks tie exactly).
            d[k] = (sb - sa) / count;
        }
        return new CasePairs(meanA, meanB, d);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
