package dev.promptarena.util;

import java.util.Arrays;

/**
 * A growable column of whole numbers (the outcome columns of the analysis, report ranking keys, record indexes), stored as narrow as its values allow: no array while every value
 * is 0 (repeats, samples, a single judge's index, error messages of a run without errors), then bytes, shorts, ints, and
 * longs only once a value needs them. Each widening copies the column once (at most four times). Latencies in
 * milliseconds and token counts of a bench run fit in shorts, score-map indexes in bytes: at a million outcomes the
 * columns took ~130 MB as ints and longs, ~50 MB this way (issue 21, bench/README.md "Memory, fourth step"). Any long
 * value is kept exactly. {@link #set} past the end grows the column by half (as the parallel arrays it replaces did);
 * {@link #resize} trims it at the end. Written by one thread, then read by any once published.
 */
public final class CompactColumn {
    private int capacity;
    private byte[] bytes;
    private short[] shorts;
    private int[] ints;
    private long[] longs;

    public CompactColumn(int capacity) { this.capacity = capacity; }

    /** The value at {@code row}: 0 for a row never set, also past the end (a column filled as cases appear). */
    public long get(int row) {
        if (row >= capacity) return 0;
        if (bytes != null) return bytes[row];
        if (shorts != null) return shorts[row];
        if (ints != null) return ints[row];
        return longs == null ? 0 : longs[row];
    }

    /** The value at {@code row} as an int (for columns filled from ints). */
    public int getInt(int row) { return (int) get(row); }

    /** Stores {@code value} at {@code row}, growing the column first when {@code row} is past its end. */
    public void set(int row, long value) {
        if (row >= capacity) resize(grown(capacity, row));
        if (longs == null) widenFor(value);
        if (bytes != null) bytes[row] = (byte) value;
        else if (shorts != null) shorts[row] = (short) value;
        else if (ints != null) ints[row] = (int) value;
        else if (longs != null) longs[row] = value;
    }

    /** Sets the number of rows (growing while filled, trimming at the end). */
    public void resize(int rows) {
        if (rows == capacity) return; // already that long: a copy would only double it for a while
        capacity = rows;
        if (bytes != null) bytes = Arrays.copyOf(bytes, rows);
        if (shorts != null) shorts = Arrays.copyOf(shorts, rows);
        if (ints != null) ints = Arrays.copyOf(ints, rows);
        if (longs != null) longs = Arrays.copyOf(longs, rows);
    }

    /** Room for {@code row} and half as much again (a growth step copies the column once: amortized O(1)). */
    static int grown(int capacity, int row) { return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(row + 1L, capacity + (capacity >> 1) + 16L)); }

    /** Rows held (grown while filled, cut by {@link #resize}). */
    public int capacity() { return capacity; }

    /** Makes the storage wide enough for {@code value}, copying the values held so far. */
    private void widenFor(long value) {
        int width = value == 0 ? 0 : value == (byte) value ? 1 : value == (short) value ? 2 : value == (int) value ? 3 : 4;
        int current = bytes != null ? 1 : shorts != null ? 2 : ints != null ? 3 : 0;
        if (width <= current) return;
        int n = capacity;
        switch (width) {
            case 1 -> bytes = new byte[n];
            case 2 -> {
                shorts = new short[n];
                for (int i = 0; bytes != null && i < n; i++) shorts[i] = bytes[i];
            }
            case 3 -> {
                ints = new int[n];
                for (int i = 0; current > 0 && i < n; i++) ints[i] = (int) get(i);
            }
            default -> {
                longs = new long[n];
                for (int i = 0; current > 0 && i < n; i++) longs[i] = get(i);
            }
        }
        // Drop the narrower storage only after copying from it (get reads the narrowest one present).
        if (width > 1) bytes = null;
        if (width > 2) shorts = null;
        if (width > 3) ints = null;
    }
}
