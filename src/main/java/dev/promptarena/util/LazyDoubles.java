package dev.promptarena.util;

import java.util.Arrays;

/**
 * A growable column of doubles (the outcome columns of the analysis, report ranking keys) that takes no memory while every value is its default (bit for bit: a
 * cost of -0.0 is not 0.0): no similarity without a reference check (NaN), no cost for recorded outputs or free models
 * (0.0). 8 bytes a row once any other value is stored. {@link #set} past the end grows it as {@link CompactColumn} grows.
 */
public final class LazyDoubles {
    private final long defaultBits;
    private int capacity;
    private double[] values;

    public LazyDoubles(int capacity, double defaultValue) {
        this.capacity = capacity;
        this.defaultBits = Double.doubleToRawLongBits(defaultValue);
    }

    /** The value at {@code row}: the default for a row never set, also past the end. */
    public double get(int row) { return values == null || row >= capacity ? Double.longBitsToDouble(defaultBits) : values[row]; }

    /** Stores {@code value} at {@code row}, growing the column first when {@code row} is past its end. */
    public void set(int row, double value) {
        if (row >= capacity) resize(CompactColumn.grown(capacity, row));
        if (values == null) {
            if (Double.doubleToRawLongBits(value) == defaultBits) return;
            values = new double[capacity];
            Arrays.fill(values, Double.longBitsToDouble(defaultBits));
        }
        values[row] = value;
    }

    /** Sets the number of rows (growing while filled, trimming at the end). */
    public void resize(int rows) {
        if (rows == capacity) return; // already that long: a copy would only double it for a while
        if (values != null && rows > values.length) {
            int from = values.length;
            values = Arrays.copyOf(values, rows);
            Arrays.fill(values, from, rows, Double.longBitsToDouble(defaultBits));
        } else if (values != null) {
            values = Arrays.copyOf(values, rows);
        }
        capacity = rows;
    }
}
