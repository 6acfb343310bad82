package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values: statsmodels 0.13.5 inter_rater, see src/test/resources/reference/primitives.py. */
class KappaTest {
    private static final double TOL = 1e-9;

    @Test
    void cohenMatchesStatsmodels() {
        int[][] table = {{20, 5, 2}, {3, 15, 4}, {1, 2, 18}};
        CohenKappa k = CohenKappa.of(table, 0.05);
        // cohens_kappa(table): kappa, std_kappa, kappa_low, kappa_upp
        assertEquals(0.6354166666666666, k.kappa(), TOL);
        assertEquals(0.07659869670429878, k.standardError(), TOL);
        assertEquals(0.48528597986353406, k.interval().lower(), TOL);
        assertEquals(0.7855473534697992, k.interval().upper(), TOL);
        assertEquals(70, k.n());
    }

    @Test
    void fleissMatchesStatsmodels() {
        int[][] counts = {{3, 0, 0}, {2, 1, 0}, {0, 3, 0}, {1, 1, 1}, {0, 0, 3}, {0, 2, 1}, {3, 0, 0}, {1, 0, 2}};
        // fleiss_kappa(counts, method="fleiss")
        assertEquals(0.4285714285714285, FleissKappa.of(counts).kappa(), TOL);
        assertEquals(3, FleissKappa.of(counts).raters());
    }

    @Test
    void rejectsRaggedInput() {
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.of(new int[][] {{2, 1}, {1, 1}}));
        assertThrows(IllegalArgumentException.class, () -> CohenKappa.of(new int[][] {{5, 0}, {0, 0}}, 0.05));
    }
}
