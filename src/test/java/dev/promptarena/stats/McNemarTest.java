package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McNemarTest {
    private static final double TOL = 1e-12;

    /**
     * Expected values from statsmodels 0.13.5 / scipy 1.10.1:
     * {@code mcnemar(np.array([[5, aOnly], [bOnly, 4]]), exact=True).pvalue} and
     * {@code min(1, 2*scipy.stats.binom.cdf(k, n, 0.5) - scipy.stats.binom.pmf(k, n, 0.5))} with k = min, n = sum.
     */
    @ParameterizedTest
    @CsvSource({
            "1, 0, 1.0, 0.5",
            "3, 9, 0.14599609375, 0.09228515624999999",
            "2, 12, 0.012939453125, 0.007385253906249991",
            "10, 10, 1.0, 1.0",
            "0, 7, 0.015625, 0.0078125",
            "25, 40, 0.08168153394154003, 0.06401750413722561",
            "150, 190, 0.03427004653329391, 0.03015227720831183"})
    void matchesStatsmodelsExact(int aOnly, int bOnly, double p, double midP) {
        assertEquals(p, McNemar.exactP(aOnly, bOnly), TOL);
        assertEquals(p, McNemar.exactP(bOnly, aOnly), TOL, "two-sided test is symmetric");
        assertEquals(midP, McNemar.midP(aOnly, bOnly), TOL);
    }

    @Test
    void noDiscordantPairsMeansNoEvidence() {
        assertEquals(1.0, McNemar.exactP(0, 0));
        assertEquals(1.0, McNemar.midP(0, 0));
        assertEquals(1.0, McNemar.clusteredP(new int[] {0, 0}, new int[] {0, 0}));
    }

    @Test
    void clusteredReducesToUncorrectedMcNemarWithOnePairPerCase() {
        // statsmodels: mcnemar(np.array([[5, 3], [9, 4]]), exact=False, correction=False).pvalue
        int[] aOnly = {1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] bOnly = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(0.08326451666355042, McNemar.clusteredP(aOnly, bOnly), 1e-12);
    }

    @Test
    void clusteredMatchesDurkalskiFormula() {
        // d = a - b; x = d.sum()**2 / (d**2).sum(); scipy.stats.chi2.sf(x, 1) for
        // a = [2,0,1,0,3,1], b = [0,1,2,3,0,2] -> x = 0.04
        assertEquals(0.841480581121794, McNemar.clusteredP(new int[] {2, 0, 1, 0, 3, 1}, new int[] {0, 1, 2, 3, 0, 2}), 1e-12);
    }

    @Test
    void rejectsNegativeCountsAndMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> McNemar.exactP(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> McNemar.clusteredP(new int[] {1}, new int[] {1, 2}));
    }
}
