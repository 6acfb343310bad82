package dev.promptarena.analysis;

import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.CaseOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;

/** Summarizes the per-side similarities on {@link CaseOutcome}s (see {@link SimilaritySummary}). */
public final class SimilarityStats {
    private SimilarityStats() {}

    /**
     * Paired t interval and test on per-case mean differences B - A. A pair counts when neither side
     * errored and both have a similarity. The t interval is used rather than a bootstrap because it is
     * deterministic (no seed to record) and, with the mean of bounded differences in [-2, 2], accurate
     * from a few dozen cases on (central limit theorem).
     *
     * @param confidence e.g. 0.95
     */
    public static SimilaritySummary summarize(List<CaseOutcome> outcomes, double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got: " + confidence);
        Map<String, double[]> perCase = new LinkedHashMap<>(); // sumA, sumB, count
        for (CaseOutcome o : outcomes) {
            if (o.a().error() || o.b().error() || o.a().similarity() == null || o.b().similarity() == null) continue;
            double[] s = perCase.computeIfAbsent(o.caseId(), k -> new double[3]);
            s[0] += o.a().similarity();
            s[1] += o.b().similarity();
            s[2]++;
        }
        int n = perCase.size();
        if (n == 0) return new SimilaritySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, confidence);
        double[] a = new double[n], d = new double[n];
        double sumA = 0, sumB = 0;
        int i = 0;
        for (double[] s : perCase.values()) {
            a[i] = s[0] / s[2];
            double b = s[1] / s[2];
            d[i] = b - a[i];
            sumA += a[i];
            sumB += b;
            i++;
        }
        double meanA = sumA / n, meanB = sumB / n;
        double meanD = 0;
        for (double x : d) meanD += x;
        meanD /= n;
        if (n < 2) return new SimilaritySummary(n, meanA, meanB, meanD, Double.NaN, Double.NaN, Double.NaN, confidence);
        double ss = 0;
        for (double x : d) ss += (x - meanD) * (x - meanD);
        double se = Math.sqrt(ss / (n - 1) / n);
        if (se == 0) {
            // Identical differences: no sampling spread, so the interval collapses to the point.
            return new SimilaritySummary(n, meanA, meanB, meanD, meanD, meanD, meanD == 0 ? 1 : 0, confidence);
        }
        TDistribution t = TDistribution.of(n - 1);
        double q = t.inverseSurvivalProbability((1 - confidence) / 2);
        double p = Math.min(1, 2 * t.survivalProbability(Math.abs(meanD / se)));
        return new SimilaritySummary(n, meanA, meanB, meanD, meanD - q * se, meanD + q * se, p, confidence);
    }
}
