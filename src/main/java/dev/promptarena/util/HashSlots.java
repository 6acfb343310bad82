package dev.promptarena.util;

import java.nio.charset.StandardCharsets;
import java.util.function.LongPredicate;

/**
 * An open-addressing table from 64-bit hashes to non-negative 64-bit values (a file offset, a pack location) in
 * two primitive arrays: 16 bytes a slot, filled to between 1/2 and 3/4, so 21 to 32 bytes an entry, where a
 * {@code HashMap} of strings to objects costs about 200 (bench/README.md, "Memory on resume and merge"). It
 * grows by 1.5x, so the growth spike (old and new arrays side by side) is 2.5x the old table, not 3x.
 * <p>The table does not know the keys: two keys may share a hash. Every lookup and insert passes a test
 * that says whether the value stored under an equal hash belongs to the key sought (e.g. by reading the
 * record back); a value that fails it is skipped and probing goes on, so colliding keys coexist. Not
 * thread-safe for writes; reads after the last write may run on many threads.
 */
public final class HashSlots {
    private static final long EMPTY = 0;
    private static final int MIN_CAPACITY = 1 << 10;

    private long[] hashes = new long[MIN_CAPACITY];
    private long[] values = new long[MIN_CAPACITY];
    private int size;

    /** The value of the first slot with hash {@code h} whose value passes {@code same}, or -1. */
    public long get(long h, LongPredicate same) {
        long key = nonEmpty(h);
        int cap = hashes.length;
        for (int i = home(key, cap); hashes[i] != EMPTY; i = next(i, cap)) {
            if (hashes[i] == key && same.test(values[i])) return values[i];
        }
        return -1;
    }

    /**
     * Stores {@code value} under hash {@code h}: over the first slot of that hash whose value passes {@code same}
     * (the same key written again), else in a new slot.
     *
     * @return the value replaced, or -1 when the key was new
     */
    public long put(long h, long value, LongPredicate same) {
        if (value < 0) throw new IllegalArgumentException("negative value " + value);
        if ((size + 1) * 4L > hashes.length * 3L) grow();
        long key = nonEmpty(h);
        int cap = hashes.length;
        int i = home(key, cap);
        for (; hashes[i] != EMPTY; i = next(i, cap)) {
            if (hashes[i] == key && same.test(values[i])) {
                long old = values[i];
                values[i] = value;
                return old;
            }
        }
        hashes[i] = key;
        values[i] = value;
        size++;
        return -1;
    }

    public int size() { return size; }

    /** Slots allocated (each 16 bytes of heap). */
    public int capacity() { return hashes.length; }

    private void grow() {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8L, hashes.length * 3L / 2);
        if (cap <= hashes.length) throw new IllegalStateException("hash table full at " + size + " entries");
        long[] hs = new long[cap];
        long[] vs = new long[cap];
        for (int j = 0; j < hashes.length; j++) {
            if (hashes[j] == EMPTY) continue;
            int i = home(hashes[j], cap);
            while (hs[i] != EMPTY) i = next(i, cap);
            hs[i] = hashes[j];
            vs[i] = values[j];
        }
        hashes = hs;
        values = vs;
    }

    /** 0 marks a free slot, so a hash of 0 is stored as 1 (it then shares a slot chain with 1: the test tells them apart). */
    private static long nonEmpty(long h) { return h == EMPTY ? 1 : h; }

    /**
     * The hash mixed (Fibonacci hashing: hashes that differ only in low bits, e.g. a test's small numbers, must
     * not all land on one slot), then its high 32 bits scaled to the capacity: any capacity works, not only powers
     * of two.
     */
    private static int home(long h, int cap) { return (int) ((((h * 0x9E3779B97F4A7C15L) >>> 32) * cap) >>> 32); }

    private static int next(int i, int cap) { return i + 1 == cap ? 0 : i + 1; }

    /** FNV-1a over the key's UTF-8 bytes, then MurmurHash3's finalizer so every bit of the hash mixes well; never 0. */
    public static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93f5ccdeb53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
