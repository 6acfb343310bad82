package dev.promptarena.stats;

import dev.promptarena.util.CompactColumn;
import dev.promptarena.util.LazyDoubles;
import java.util.List;
import java.util.Map;

/**
 * One variant's sides of every outcome as primitive columns (part of {@link OutcomeColumns}): the word count instead
 * of the text, flags as bits, the error message and the check map as indexes into the store's shared tables, a
 * missing similarity as NaN (a present one is in [-1, 1]). 9 to ~45 bytes a side (see below).
 */
final class SideColumns {
    private static final byte ERROR = 1, TRUNCATED = 2;

    // Whole numbers as narrow as their values allow and doubles only once one is not the default (CompactColumn,
    // LazyDoubles): ~45 bytes a side as ints, longs and doubles; ~8 for a bench run's sides (no cost, no similarity).
    private final CompactColumn words, latency, tokens, flags, message, checks;
    private final LazyDoubles cost, similarity;

    SideColumns(int capacity) {
        words = new CompactColumn(capacity);
        latency = new CompactColumn(capacity);
        cost = new LazyDoubles(capacity, 0.0);
        tokens = new CompactColumn(capacity);
        flags = new CompactColumn(capacity);
        message = new CompactColumn(capacity);
        checks = new CompactColumn(capacity);
        similarity = new LazyDoubles(capacity, Double.NaN);
    }

    /** Stores {@code s} at {@code row} (each column grows itself past its end). */
    void set(int row, Side s, Interner<String> messages, Interner<Map<String, Boolean>> checkMaps) {
        words.set(row, s.words());
        latency.set(row, s.latencyMillis());
        cost.set(row, s.costUsd());
        tokens.set(row, s.outputTokens());
        flags.set(row, (s.error() ? ERROR : 0) | (s.truncated() ? TRUNCATED : 0));
        // Message index + 1, so the usual "no message" is 0 and takes no memory.
        message.set(row, s.errorMessage() == null ? 0 : messages.index(s.errorMessage()) + 1);
        // Keyed by the entries in order: maps equal in content but in another order (rubric order) stay apart.
        checks.set(row, checkMaps.index(s.checks(), List.copyOf(s.checks().entrySet())));
        similarity.set(row, s.similarity() == null ? Double.NaN : s.similarity());
    }

    /** A short-lived side holding the stored numbers and no text. */
    Side get(int row, Interner<String> messages, Interner<Map<String, Boolean>> checkMaps) {
        int m = message.getInt(row);
        int f = flags.getInt(row);
        double sim = similarity.get(row);
        return new Side("", latency.get(row), cost.get(row), tokens.get(row), (f & ERROR) != 0,
                m == 0 ? null : messages.value(m - 1), (f & TRUNCATED) != 0,
                checkMaps.value(checks.getInt(row)), Double.isNaN(sim) ? null : sim, words.getInt(row));
    }

    /** Cuts every column to {@code size} rows. */
    void trim(int size) {
        for (CompactColumn c : new CompactColumn[] {words, latency, tokens, flags, message, checks}) c.resize(size);
        cost.resize(size);
        similarity.resize(size);
    }
}
