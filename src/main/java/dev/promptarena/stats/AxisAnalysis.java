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
        List<double[][]> perAxis = new ArrayList<>();
        double[] raw = new double[axisNames.size()];
        for (int i = 0; i < axisNames.size(); i++) {
            double[][] pairs = casePairs(judged, axisNames.get(i));
            perAxis.add(pairs);
            raw[i] = WilcoxonSignedRank.test(differences(pairs)).p();
        }
        double[] holm = PAdjust.HOLM.adjust(raw);
        double[] bh = PAdjust.BENJAMINI_HOCHBERG.adjust(raw);
        double[] bonf = PAdjust.BONFERRONI.adjust(raw);
        BootstrapResult[] intervals = bootstrapByCaseCount(perAxis, alpha, bootstrap);
        List<AxisResult> out = new ArrayList<>();
        for (int i = 0; i < axisNames.size(); i++) {
            double[][] pairs = perAxis.get(i);
            double[] d = differences(pairs);
            int n = d.length;
            out.add(new AxisResult(axisNames.get(i), Evidence.EXPLORATORY, n,
                    n == 0 ? null : mean(pairs, 0), n == 0 ? null : mean(pairs, 1),
                    n == 0 ? null : mean(d), intervals[i], WilcoxonSignedRank.test(d), holm[i], bh[i], bonf[i]));
        }
        return out;
    }

    /**
     * Each axis's bootstrap of the mean difference (null without cases). Axes scored on the same number of
     * cases share one resampling pass; every result equals that axis's own {@code bootstrap.mean}.
     */
    private static BootstrapResult[] bootstrapByCaseCount(List<double[][]> perAxis, double alpha, ClusterBootstrap bootstrap) {
        BootstrapResult[] out = new BootstrapResult[perAxis.size()];
        Map<Integer, List<Integer>> axesByCount = new LinkedHashMap<>();
        for (int i = 0; i < perAxis.size(); i++) {
            int n = perAxis.get(i).length;
            if (n > 0) axesByCount.computeIfAbsent(n, x -> new ArrayList<>()).add(i);
        }
        for (List<Integer> axes : axesByCount.values()) {
            List<BootstrapResult> results = bootstrap.means(axes.stream().map(i -> differences(perAxis.get(i))).toList(), alpha);
            for (int a = 0; a < axes.size(); a++) out[axes.get(a)] = results.get(a);
        }
        return out;
    }

    /** Per case {meanA, meanB, meanB − meanA} on one axis, in first-seen case order. */
    /** Per axis (in the given order), the per-case drops mean score of A − mean score of B, for the axis guardrail. */
    public static Map<String, double[]> drops(List<JudgedOutcome> judged, List<String> axisNames) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String axis : axisNames) {
            double[] d = differences(casePairs(judged, axis));
            for (int i = 0; i < d.length; i++) d[i] = -d[i];
            if (d.length > 0) out.put(axis, d);
        }
        return out;
    }

    static double[][] casePairs(List<JudgedOutcome> judged, String axis) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // caseId -> {sumA, sumB, count}
        for (JudgedOutcome j : judged) {
            if (j.verdict() == Verdict.ERROR) continue;
            for (Vote v : j.outcome().votes()) {
                Integer a = v.scoresA().get(axis), b = v.scoresB().get(axis);
                if (v.winner() == Winner.UNPARSEABLE || a == null || b == null) continue;
                double[] s = sums.computeIfAbsent(j.outcome().caseId(), k -> new double[3]);
                s[0] += a;
                s[1] += b;
                s[2] += 1;
            }
        }
        // The difference is formed from the integer sums so equal differences compare equal (ranks tie exactly).
        return sums.values().stream().map(s -> new double[] {s[0] / s[2], s[1] / s[2], (s[1] - s[0]) / s[2]})
                .toArray(double[][]::new);
    }

    private static double[] differences(double[][] pairs) {
        double[] d = new double[pairs.length];
        for (int i = 0; i < d.length; i++) d[i] = pairs[i][2];
        return d;
    }

    private static double mean(double[][] pairs, int col) {
        double s = 0;
        for (double[] p : pairs) s += p[col];
        return s / pairs.length;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
