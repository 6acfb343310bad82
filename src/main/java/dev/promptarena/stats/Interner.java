package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinct values numbered in order of first appearance (judge names, tag maps, score maps, check maps, error
 * messages repeat from case to case: {@link OutcomeColumns} stores each once and an index per row). Written by one
 * thread while the columns are built; read-only afterwards, when {@link #value} is safe from any thread.
 */
final class Interner<T> {
    private final Map<Object, Integer> index = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    int index(T value) {
        return index(value, value);
    }

    /** The index of {@code value}, found by {@code key} (a key that also tells apart what equals() does not, e.g. order). */
    int index(T value, Object key) {
        Integer i = index.get(key);
        if (i != null) return i;
        index.put(key, values.size());
        values.add(value);
        return values.size() - 1;
    }

    T value(int i) { return values.get(i); }

    int size() { return values.size(); }
}
