package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FisherExactTest {
    /** scipy.stats.fisher_exact(table, alternative='two-sided').pvalue (reference/fisher_split.py, .out), to 1e-12. */
    @Test
    void matchesScipy() {
        assertEquals(1.554001554001554e-4, FisherExact.twoSidedP(8, 0, 0, 8), 1e-12);
        assertEquals(0.43731295240167334, FisherExact.twoSidedP(3, 7, 12, 48), 1e-12);
        assertEquals(0.16972027756678768, FisherExact.twoSidedP(7, 93, 2, 98), 1e-12);
        assertEquals(0.06126482213438734, FisherExact.twoSidedP(0, 5, 10, 10), 1e-12);
        assertEquals(1.0, FisherExact.twoSidedP(5, 20, 5, 20), 1e-12);
        // Symmetric margins: the mirror table is equally likely and must be counted (the tolerance).
        assertEquals(0.2063492063492064, FisherExact.twoSidedP(4, 1, 1, 4), 1e-12);
    }

    @Test
    void anEmptyMarginHasNothingToTest() {
        assertEquals(1.0, FisherExact.twoSidedP(0, 0, 3, 4));
        assertEquals(1.0, FisherExact.twoSidedP(0, 5, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> FisherExact.twoSidedP(-1, 0, 3, 4));
    }
}
