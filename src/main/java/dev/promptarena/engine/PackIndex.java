package dev.promptarena.engine;

import java.nio.charset.StandardCharsets;

/**
 * The pack's in-memory index: a 64-bit hash of each key to where its latest record starts (segment and
 * offset in one long), in two open-addressing arrays — about 30 bytes an entry instead of ~195 for a
 * map of strings to objects (measured with bench's CacheBench), so a cache of millions of responses
 * does not undo the run's flat memory. Two keys with the same 64-bit hash share a slot: the later one
 * shadows the earlier, whose lookups then miss (the record's stored key is checked on every read, so a
 * collision never serves a wrong answer); among 3 million keys that happens with probability ~2e-7.
 */
final class PackIndex {
    private static final long EMPTY = 0;

    private long[] hashes = new long[1 << 12];
    private long[] locations = new long[1 << 12];
    private int size;

    static long location(int segment, long offset) { return ((long) segment << 44) | offset; }

    static int segment(long location) { return (int) (location >>> 44); }

    static long offset(long location) { return location & ((1L << 44) - 1); }

    /** Where {@code key}'s record starts, or -1. */
    synchronized long get(String key) {
        long h = hash(key);
        int mask = hashes.length - 1;
        for (int i = (int) h & mask; hashes[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == h) return locations[i];
        }
        return -1;
    }

    synchronized void put(String key, long location) {
        if ((size + 1) * 10L > hashes.length * 6L) grow();
        if (insert(hashes, locations, hash(key), location)) size++;
    }

    synchronized int size() { return size; }

    /** True if the slot was new, false if it replaced an earlier record of the key. */
    private static boolean insert(long[] hs, long[] locs, long h, long location) {
        int mask = hs.length - 1;
        int i = (int) h & mask;
        while (hs[i] != EMPTY && hs[i] != h) i = (i + 1) & mask;
        boolean added = hs[i] == EMPTY;
        hs[i] = h;
        locs[i] = location;
        return added;
    }

    private void grow() {
        long[] hs = new long[hashes.length * 2];
        long[] locs = new long[hashes.length * 2];
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] != EMPTY) insert(hs, locs, hashes[i], locations[i]);
        }
        hashes = hs;
        locations = locs;
    }

    /** FNV-1a over the key's UTF-8 bytes, then MurmurHash3's finalizer so the low bits (the slot) mix well; never 0. */
    static long hash(String key) {
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
