package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ErrorSplitTest {
    /**
     * 14 cases judged in both orders, the position constant within a case (reference/fisher_split.py): the case-clustered
     * design effect of the difference of error rates (statsmodels OLS cluster / HC0 slope variances) 1.786116322701686,
     * and Fisher's exact test on the counts divided by it, [[4, 4], [2, 6]]: scipy p 0.6083916083916083 (the votes taken
     * as independent, [[7, 7], [3, 11]]: 0.2364607170099161).
     */
    @Test
    void votesOfACaseCountAsOneCasesWorth() {
        int[] wrongWith = {2, 2, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] rightWith = {0, 0, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0};
        int[] wrongWithout = {0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0};
        int[] rightWithout = {0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 1, 2, 0, 2};
        assertEquals(1.786116322701686, ErrorSplit.designEffect(wrongWith, rightWith, wrongWithout, rightWithout), 1e-12);
        ErrorSplit s = ErrorSplit.of(wrongWith, rightWith, wrongWithout, rightWithout);
        assertEquals(28, s.votes());
        assertEquals(10, s.wrong());
        assertEquals(7, s.wrongToPosition());
        assertEquals(0.7, s.share(), 1e-12);
        assertEquals(0.5, s.expectedShare(), 1e-12);
        assertEquals(0.6083916083916083, s.p(), 1e-12);
    }

    @Test
    void oneVotePerCaseIsNotClustered() {
        // [[3, 7], [12, 48]] one vote per case: scipy.stats.fisher_exact p 0.43731295240167334.
        int n = 70;
        int[] a = new int[n], b = new int[n], c = new int[n], d = new int[n];
        for (int k = 0; k < 3; k++) a[k] = 1;
        for (int k = 3; k < 10; k++) b[k] = 1;
        for (int k = 10; k < 22; k++) c[k] = 1;
        for (int k = 22; k < 70; k++) d[k] = 1;
        ErrorSplit s = ErrorSplit.of(a, b, c, d);
        assertEquals(1.0, s.designEffect());
        assertEquals(0.43731295240167334, s.p(), 1e-12);
        assertEquals(0.2, s.share(), 1e-12);
        assertEquals(10 / 70.0, s.expectedShare(), 1e-12);
    }

    @Test
    void noWrongVoteNoTest() {
        ErrorSplit s = ErrorSplit.of(new int[] {0, 0}, new int[] {1, 2}, new int[] {0, 0}, new int[] {2, 1});
        assertNull(s.p());
        assertNull(s.share());
        assertEquals(0.5, s.expectedShare(), 1e-12);
    }
}
