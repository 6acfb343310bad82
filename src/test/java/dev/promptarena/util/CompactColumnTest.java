package dev.promptarena.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The narrow columns of OutcomeColumns give back exactly what was stored, across every widening and resize. */
class CompactColumnTest {

    @Test
    void keepsEveryValueExactlyThroughEachWidening() {
        long[] values = {0, 0, 5, -128, 127, 300, -32768, 70_000, Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 40, Long.MIN_VALUE, 0};
        CompactColumn column = new CompactColumn(4);
        for (int i = 0; i < values.length; i++) {
            if (i >= 4 && i % 4 == 0) column.resize(i + 4);
            column.set(i, values[i]);
            // Everything stored so far survives the widening the new value may have caused.
            for (int j = 0; j <= i; j++) assertEquals(values[j], column.get(j), "row " + j + " after storing row " + i);
        }
        column.resize(values.length);
        for (int j = 0; j < values.length; j++) assertEquals(values[j], column.get(j));
    }

    @Test
    void allZeroColumnReadsZeroAndRandomValuesRoundTrip() {
        CompactColumn zeros = new CompactColumn(100);
        for (int i = 0; i < 100; i++) zeros.set(i, 0);
        for (int i = 0; i < 100; i++) assertEquals(0, zeros.get(i));

        SplittableRandom random = new SplittableRandom(7);
        long[] expected = new long[1000];
        CompactColumn column = new CompactColumn(16);
        for (int i = 0; i < expected.length; i++) {
            if (i == 16 * (i / 16) && i > 0) column.resize(i + 16);
            int bits = 1 + random.nextInt(40);
            expected[i] = random.nextLong(-(1L << bits), 1L << bits);
            column.set(i, expected[i]);
        }
        column.resize(expected.length);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], column.get(i), "row " + i);
    }

    @Test
    void lazyDoublesKeepTheDefaultBitForBitAndEveryOtherValue() {
        LazyDoubles nanDefault = new LazyDoubles(3, Double.NaN);
        nanDefault.set(0, Double.NaN);
        assertTrue(Double.isNaN(nanDefault.get(2)));
        nanDefault.set(1, 0.25);
        nanDefault.resize(5);
        nanDefault.set(4, -1.0);
        assertTrue(Double.isNaN(nanDefault.get(0)));
        assertEquals(0.25, nanDefault.get(1));
        assertTrue(Double.isNaN(nanDefault.get(3)), "rows added by a resize hold the default");
        assertEquals(-1.0, nanDefault.get(4));

        LazyDoubles zeroDefault = new LazyDoubles(2, 0.0);
        zeroDefault.set(0, 0.0);
        assertEquals(0.0, zeroDefault.get(1));
        zeroDefault.set(1, -0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(zeroDefault.get(1)), "-0.0 is not the default 0.0");
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(zeroDefault.get(0)));
    }

    @Test
    void setPastTheEndGrowsAndUnsetRowsReadTheDefault() {
        CompactColumn column = new CompactColumn(2);
        LazyDoubles doubles = new LazyDoubles(2, Double.NEGATIVE_INFINITY);
        assertEquals(0, column.get(1_000), "past the end: 0, as a row never set");
        assertEquals(Double.NEGATIVE_INFINITY, doubles.get(1_000));
        for (int i = 0; i < 10_000; i++) {
            column.set(i, i % 7 == 0 ? -i : 3L * i);
            if (i % 3 == 0) doubles.set(i, i / 4.0);
        }
        assertTrue(column.capacity() >= 10_000 && column.capacity() < 20_000, "grows by half, not far past: " + column.capacity());
        column.resize(10_000);
        doubles.resize(10_000);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i % 7 == 0 ? -i : 3L * i, column.get(i), "row " + i);
            assertEquals(i % 3 == 0 ? i / 4.0 : Double.NEGATIVE_INFINITY, doubles.get(i), "row " + i);
        }
        assertEquals(10_000, column.capacity());
    }
}
