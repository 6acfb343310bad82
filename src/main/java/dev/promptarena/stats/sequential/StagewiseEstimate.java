package dev.promptarena.stats.sequential;

/**
 * The median-unbiased estimate after a group-sequential stop, under the stage-wise ordering
 * (Armitage 1957; Jennison &amp; Turnbull §8.4): outcomes that stop earlier for efficacy count as more
 * extreme than any later one, and at the same look a larger Z is more extreme. The estimate is the
 * drift η̂ at which the observed outcome is the median: P_η̂(stop above at a look before k) +
 * P_η̂(reach k, Z_k ≥ z) = ½. The naive estimate at an early efficacy stop is biased upwards because
 * runs stop exactly when chance pushed them high; η̂ corrects for it.
 */
public final class StagewiseEstimate {
    private StagewiseEstimate() {}

    /** η̂ for a stop at look {@code look} (1-based) with statistic z, the design followed as in {@code b}. */
    public static double drift(Boundaries b, int look, double z) {
        if (look < 1 || look > b.looks()) throw new IllegalArgumentException("look must be 1.." + b.looks() + ", got: " + look);
        return GroupSequential.solveIncreasingFn(eta -> moreExtreme(b, look - 1, z, eta), 0.5, -40, 40);
    }

    /** The win rate the drift corresponds to: p = ½ + η σ₀ / √maxCases, σ₀² = (1 − tie share)/4. */
    public static double winRate(Boundaries b, int look, double z, double tieShare, long maxCases) {
        double eta = drift(b, look, z);
        return Math.max(0, Math.min(1, 0.5 + eta * Math.sqrt(TieScore.nullVariance(tieShare) / maxCases)));
    }

    private static double moreExtreme(Boundaries b, int k, double z, double eta) {
        Slice s = null;
        double p = 0;
        for (int j = 0; j < k; j++) {
            double t = b.fractions().get(j), c = b.efficacy().get(j);
            p += GroupSequential.exitAbove(s, t, eta, c);
            s = GroupSequential.advance(s, t, eta, b.stopBelow(j), c);
        }
        return p + GroupSequential.exitAbove(s, b.fractions().get(k), eta, z);
    }
}
