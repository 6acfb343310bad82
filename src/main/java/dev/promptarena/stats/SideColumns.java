package dev.promptarena.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One variant's sides of every outcome as primitive columns (part of {@link OutcomeColumns}): the word count instead
 * of the text, flags as bits, the error message and the check map as indexes into the store's shared tables, a
 * missing similarity as NaN (a present one is in [-1, 1]). About 45 bytes a side.
 */
final class SideColumns {
    private static final byte ERROR = 1, TRUNCATED = 2;

    private int[] words;
    private long[] latency;
    private double[] cost;
    private long[] tokens;
    private byte[] flags;
    private int[] message;
    private int[] checks;
    private double[] similarity;

    SideColumns(int capacity) {
        words = new int[capacity];
        latency = new long[capacity];
        cost = new double[capacity];
        tokens = new long[capacity];
        flags = new byte[capacity];
        message = new int[capacity];
        checks = new int[capacity];
        similarity = new double[capacity];
    }

    /** Stores {@code s} at {@code row}, growing the columns to {@code capacity} first when needed. */
    void set(int row, int capacity, Side s, Interner<String> messages, Interner<Map<String, Boolean>> checkMaps) {
        if (row >= words.length) grow(capacity);
        words[row] = s.words();
        latency[row] = s.latencyMillis();
        cost[row] = s.costUsd();
        tokens[row] = s.outputTokens();
        flags[row] = (byte) ((s.error() ? ERROR : 0) | (s.truncated() ? TRUNCATED : 0));
        message[row] = s.errorMessage() == null ? -1 : messages.index(s.errorMessage());
        // Keyed by the entries in order: maps equal in content but in another order (rubric order) stay apart.
        checks[row] = checkMaps.index(s.checks(), List.copyOf(s.checks().entrySet()));
        similarity[row] = s.similarity() == null ? Double.NaN : s.similarity();
    }

    /** A short-lived side holding the stored numbers and no text. */
    Side get(int row, Interner<String> messages, Interner<Map<String, Boolean>> checkMaps) {
        return new Side("", latency[row], cost[row], tokens[row], (flags[row] & ERROR) != 0,
                message[row] < 0 ? null : messages.value(message[row]), (flags[row] & TRUNCATED) != 0,
                checkMaps.value(checks[row]), Double.isNaN(similarity[row]) ? null : similarity[row], words[row]);
    }

    void trim(int size) {
        if (size != words.length) grow(size);
    }

    private void grow(int capacity) {
        words = Arrays.copyOf(words, capacity);
        latency = Arrays.copyOf(latency, capacity);
        cost = Arrays.copyOf(cost, capacity);
        tokens = Arrays.copyOf(tokens, capacity);
        flags = Arrays.copyOf(flags, capacity);
        message = Arrays.copyOf(message, capacity);
        checks = Arrays.copyOf(checks, capacity);
        similarity = Arrays.copyOf(similarity, capacity);
    }
}
