package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/reference/validity.py ("one-sided bounds"): scipy {@code stats.t.ppf} for the
 * mean, and the Agresti–Min (2005) adjusted Wald formula written out with {@code stats.norm.ppf}.
 */
class OneSidedBoundsTest {
    private static final double TOL = 1e-9;
    private static final double[] D = {0, 1, -1, 0, 2, 1, 0, 0, -1, 1, 1, 0, 2, 0, 1};

    @Test
    void meanOfPairedDifferences() {
        assertEquals(-0.04030672071075636, OneSidedBounds.meanLower(D, 0.025), TOL);
        assertEquals(0.9736400540440897, OneSidedBounds.meanUpper(D, 0.025), TOL);
        assertEquals(0.050337448107775074, OneSidedBounds.meanLower(D, 0.05), TOL);
        assertNull(OneSidedBounds.meanLower(new double[] {1}, 0.05));
    }

    @Test
    void pairedProportionsAgrestiMin() {
        // 4 pairs where only A passed and none where only B did, of 200: not yet evidence of a drop.
        assertEquals(-0.0017215859346092557, OneSidedBounds.pairedDifferenceLower(4, 0, 200, 0.025), TOL);
        assertEquals(0.04132554633064886, OneSidedBounds.pairedDifferenceUpper(4, 0, 200, 0.025), TOL);
        assertEquals(0.006232713819630108, OneSidedBounds.pairedDifferenceLower(12, 3, 200, 0.025), TOL);
        assertEquals(0.08287619707145899, OneSidedBounds.pairedDifferenceUpper(12, 3, 200, 0.025), TOL);
        assertEquals(0.037691615087308734, OneSidedBounds.pairedDifferenceUpper(0, 0, 50, 0.025), TOL);
    }
}
