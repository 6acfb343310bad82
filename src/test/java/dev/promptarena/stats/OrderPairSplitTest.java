package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reference values: src/test/resources/reference/order_pairs.py (scipy 1.17.1, statsmodels 0.15.0). */
class OrderPairSplitTest {
    private static final double TOLERANCE = 1e-12;

    /** One pair per case: {@code pairs} pairs of which {@code first} wrong only first and {@code second} only second. */
    private static OrderPairSplit onePairPerCase(int pairs, int first, int second) {
        int[] f = new int[pairs], s = new int[pairs], n = new int[pairs];
        for (int k = 0; k < pairs; k++) {
            n[k] = 1;
            if (k < first) f[k] = 1;
            else if (k < first + second) s[k] = 1;
        }
        return OrderPairSplit.of(f, s, n);
    }

    @Test
    void onePairPerCaseIsTheExactMcNemarTest() {
        // statsmodels.stats.contingency_tables.mcnemar(table, exact=True).pvalue, table [[both wrong, wrong only first],
        // [wrong only second, both right]]; equal to scipy.stats.binomtest(b, b + c, 0.5).pvalue.
        assertEquals(0.0654296875, onePairPerCase(50, 9, 2).p(), TOLERANCE); // [[3, 9], [2, 36]]
        assertEquals(0.0078125, onePairPerCase(25, 8, 0).p(), TOLERANCE); // [[5, 8], [0, 12]]
        assertEquals(1.0, onePairPerCase(48, 4, 4).p(), TOLERANCE); // [[10, 4], [4, 30]]
        assertEquals(0.125, onePairPerCase(27, 1, 6).p(), TOLERANCE); // [[0, 1], [6, 20]]
        assertEquals(0.14961278438568115, onePairPerCase(100, 20, 11).p(), TOLERANCE); // [[2, 20], [11, 67]]
        OrderPairSplit t = onePairPerCase(50, 9, 2);
        assertEquals(50, t.pairs());
        assertEquals(11, t.discordant());
        assertEquals(9, t.discordantFirst());
        assertEquals(50, t.cases());
        assertEquals(9, t.casesLeaningFirst());
        assertEquals(2, t.casesLeaningSecond());
    }

    @Test
    void severalPairsPerCaseCountEachCaseOnceByItsBalance() {
        int[][] cases = {{2, 0}, {1, 1}, {3, 1}, {0, 2}, {1, 0}, {2, 0}, {0, 0}, {1, 0}, {2, 1}, {0, 1}, {3, 0}, {1, 0}};
        int[] f = new int[cases.length], s = new int[cases.length], n = new int[cases.length];
        for (int k = 0; k < cases.length; k++) {
            f[k] = cases[k][0];
            s[k] = cases[k][1];
            n[k] = 4;
        }
        OrderPairSplit t = OrderPairSplit.of(f, s, n);
        assertEquals(8, t.casesLeaningFirst());
        assertEquals(2, t.casesLeaningSecond());
        assertEquals(48, t.pairs());
        assertEquals(16, t.discordantFirst());
        assertEquals(22, t.discordant());
        // scipy.stats.binomtest(8, 10, 0.5).pvalue
        assertEquals(0.109375, t.p(), TOLERANCE);
    }

    @Test
    void casesWithoutPairsAreNoUnitAndNoDiscordantPairGivesP1() {
        OrderPairSplit t = OrderPairSplit.of(new int[] {0, 0, 0}, new int[] {0, 0, 0}, new int[] {0, 2, 1});
        assertEquals(2, t.cases());
        assertEquals(3, t.pairs());
        assertEquals(1.0, t.p());
        assertEquals(1.0, OrderPairSplit.of(new int[0], new int[0], new int[0]).p());
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OrderPairSplit.of(new int[] {2}, new int[] {1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> OrderPairSplit.of(new int[] {-1}, new int[] {0}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> OrderPairSplit.of(new int[] {0}, new int[0], new int[] {1}));
    }
}
