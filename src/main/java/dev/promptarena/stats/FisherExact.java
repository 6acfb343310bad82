package dev.promptarena.stats;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of independence in a 2 × 2 table, two-sided: given both margins the top-left count is
 * hypergeometric, and the p-value sums the probabilities of every table no more likely than the observed one, with
 * the relative tolerance 1e-7 of R's {@code fisher.test} (and of {@link SignTest}) so that mathematically equal
 * probabilities that differ in the last bits are counted alike. Agrees with scipy's {@code stats.fisher_exact}
 * (reference/fisher_split.py).
 */
public final class FisherExact {
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private FisherExact() {}

    /** Two-sided p of the table {@code [[a, b], [c, d]]}; 1 when a margin is 0 (nothing can differ). */
    public static double twoSidedP(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) throw new IllegalArgumentException("counts must be >= 0, got: " + a + ", " + b + ", " + c + ", " + d);
        int row = a + b, column = a + c, total = a + b + c + d;
        if (row == 0 || column == 0 || row == total || column == total) return 1.0;
        HypergeometricDistribution dist = HypergeometricDistribution.of(total, column, row);
        double observed = dist.probability(a) * RELATIVE_TOLERANCE;
        double p = 0;
        for (int k = dist.getSupportLowerBound(); k <= dist.getSupportUpperBound(); k++) {
            double pk = dist.probability(k);
            if (pk <= observed) p += pk;
        }
        return Math.min(1, p);
    }
}
