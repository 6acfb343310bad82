package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link WinRateResult} from judged outcomes. */
public final class WinRateAnalysis {
    private WinRateAnalysis() {}

    /**
     * @param judged    judged outcomes (any subset, e.g. one segment)
     * @param alpha     1 - confidence level of the intervals
     * @param bootstrap the bootstrap to use, or null to skip it (simulations, segments)
     */
    public static WinRateResult analyze(List<JudgedOutcome> judged, double alpha, ClusterBootstrap bootstrap) {
        int[] count = new int[Verdict.values().length];
        // Per case: [sum of scores, number of scored outcomes], insertion-ordered for reproducibility.
        Map<String, double[]> clusters = new LinkedHashMap<>();
        for (JudgedOutcome j : judged) {
            count[j.verdict().ordinal()]++;
            if (j.verdict().scored()) {
                double[] c = clusters.computeIfAbsent(j.outcome().caseId(), k -> new double[2]);
                c[0] += j.verdict().score();
                c[1] += 1;
            }
        }
        int wins = count[Verdict.B.ordinal()], losses = count[Verdict.A.ordinal()];
        int ties = count[Verdict.TIE.ordinal()], inconsistent = count[Verdict.INCONSISTENT.ordinal()];
        int n = wins + losses + ties + inconsistent;
        Double rate = null, strict = null, decisive = null;
        Interval wilson = null, gate = null;
        BootstrapResult boot = null;
        if (n > 0) {
            double points = wins + 0.5 * (ties + inconsistent);
            rate = points / n;
            strict = wins / (double) n;
            wilson = WilsonScore.interval(points, n, alpha);
            boot = bootstrap == null ? null : bootstrap.ratio(column(clusters, 0), column(clusters, 1), alpha);
            boolean repeats = clusters.size() < n;
            gate = repeats && boot != null ? boot.interval() : wilson;
        }
        if (wins + losses > 0) decisive = wins / (double) (wins + losses);
        return new WinRateResult(Evidence.PRIMARY, judged.size(), clusters.size(), n, wins, losses, ties, inconsistent,
                count[Verdict.UNPARSEABLE.ordinal()], count[Verdict.ERROR.ordinal()], rate, strict, decisive,
                wilson, boot, SignTest.twoSided(wins, losses), gate);
    }

    private static double[] column(Map<String, double[]> clusters, int index) {
        List<double[]> rows = new ArrayList<>(clusters.values());
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = rows.get(i)[index];
        return out;
    }
}
