package dev.promptarena.stats;

import java.util.Arrays;

/**
 * A column of doubles for {@link OutcomeColumns} that takes no memory while every value is its default (bit for bit: a
 * cost of -0.0 is not 0.0): no similarity without a reference check (NaN), no cost for recorded outputs or free models
 * (0.0). 8 bytes a row once any other value is stored.
 */
final class LazyDoubles {
    private final long defaultBits;
    private int capacity;
    private double[] values;

    LazyDoubles(int capacity, double defaultValue) {
        this.capacity = capacity;
        this.defaultBits = Double.doubleToRawLongBits(defaultValue);
    }

    double get(int row) { return values == null ? Double.longBitsToDouble(defaultBits) : values[row]; }

    void set(int row, double value) {
        if (values == null) {
            if (Double.doubleToRawLongBits(value) == defaultBits) return;
            values = new double[capacity];
            Arrays.fill(values, Double.longBitsToDouble(defaultBits));
        }
        values[row] = value;
    }

    /** Sets the number of rows (growing while filled, trimming at the end). */
    void resize(int rows) {
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
