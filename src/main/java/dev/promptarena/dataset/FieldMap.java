package dev.promptarena.dataset;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A case's fields or tags: a read-only map over two parallel arrays, iterating in the file's order. The golden set
 * stays in memory for the whole run, and a {@code LinkedHashMap} behind an unmodifiable view cost about 350 bytes a
 * case more than these two arrays (heap histograms of 30,000-case runs, bench/README.md); at a million cases that
 * was a third of a gigabyte. Lookups scan the keys: a case has a handful of fields, and {@link #of} keeps larger
 * maps in a {@code LinkedHashMap}. Keys are interned, so every case shares its field names.
 */
final class FieldMap extends AbstractMap<String, String> {
    /** Above this many entries a linear scan is no longer cheaper than hashing. */
    private static final int MAX_ARRAY = 16;

    private final String[] keys;
    private final String[] values;

    private FieldMap(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A read-only copy of {@code m} in its iteration order; null keys or values are rejected (naming the key). */
    static Map<String, String> of(Map<String, String> m) {
        if (m.isEmpty()) return Map.of();
        if (m instanceof FieldMap) return m;
        int n = m.size();
        if (n > MAX_ARRAY) {
            Map<String, String> copy = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
            return java.util.Collections.unmodifiableMap(copy);
        }
        String[] keys = new String[n];
        String[] values = new String[n];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            String k = Objects.requireNonNull(e.getKey(), "key");
            keys[i] = k.intern();
            values[i++] = Objects.requireNonNull(e.getValue(), k);
        }
        return new FieldMap(keys, values);
    }

    @Override public int size() { return keys.length; }

    @Override public boolean containsKey(Object key) { return indexOf(key) >= 0; }

    @Override public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return i;
        return -1;
    }

    @Override public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return keys.length; }

            @Override public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override public boolean hasNext() { return next < keys.length; }

                    @Override public Entry<String, String> next() {
                        if (next >= keys.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }
}
