package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.10.1, see src/test/resources/reference/primitives.py; R's
 * {@code wilcox.test(d, exact = TRUE)} and {@code wilcox.test(d, exact = FALSE, correct = FALSE)} agree (reference/binom.R).
 */
class WilcoxonSignedRankReferenceTest {
    private static final double TOL = 1e-9;

    @Test
    void exactWithoutTies() {
        double[] d = {1.5, -0.3, 2.2, 0.8, 1.1, -0.7, 3.0, 0.4, 1.9, -1.2};
        WilcoxonSignedRank r = WilcoxonSignedRank.test(d);
        assertTrue(r.exact());
        // stats.wilcoxon(d, zero_method="wilcox", correction=False, method="exact").pvalue
        assertEquals(0.083984375, r.p(), TOL);
        // W+ and (R+ - R-)/(R+ + R-) from stats.rankdata(abs(d)) (scipy's statistic is min(W+, W-) = 10)
        assertEquals(45.0, r.statistic(), TOL);
        assertEquals(0.6363636363636364, r.rankBiserial(), TOL);
        assertEquals(10, r.n());
    }

    @Test
    void zerosDroppedAndTiesUseNormalApproximation() {
        double[] d = {1, 0, 2, -1, 1, 1, 0, 2, -1, 1, 3, 0.5, 1, -0.5, 2, 1, 0, 1.5, 1, -1};
        WilcoxonSignedRank r = WilcoxonSignedRank.test(d);
        assertFalse(r.exact());
        assertEquals(3, r.zeros());
        assertEquals(17, r.n());
        // stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx").pvalue
        assertEquals(0.01087705404120788, r.p(), TOL);
        assertEquals(129.0, r.statistic(), TOL);
        assertEquals(0.6862745098039216, r.rankBiserial(), TOL);
    }

    @Test
    void allZeroDifferencesGiveNoEvidence() {
        WilcoxonSignedRank r = WilcoxonSignedRank.test(new double[] {0, 0, 0});
        assertEquals(1.0, r.p(), 0);
        assertEquals(0, r.n());
        assertEquals(3, r.zeros());
    }
}
