package dev.promptarena.engine;

import java.nio.charset.StandardCharsets;

/**
 * The pack's in-memory index: a 64-bit hash of each key to where its latest record starts (segment and
 * offset in one long), in a {@link HashSlots} table — 21 to 32 bytes an entry instead of ~195 for a
 * map of strings to objects (measured with bench's CacheBench and PackIndexBench), so a cache of millions of
 * responses does not undo the run's flat memory. Two keys with the same 64-bit hash share a slot: the later one
 * shadows the earlier, whose lookups then miss (the record's stored key is checked on every read, so a
 * collision never serves a wrong answer); among 3 million keys that happens with probability ~2e-7.
 */
final class PackIndex {
    /** Any value under the key's hash is taken as the key's: collisions shadow (see above). */
    private static final java.util.function.LongPredicate ANY = v -> true;

    private final HashSlots slots = new HashSlots();

    static long location(int segment, long offset) { return ((long) segment << 44) | offset; }

    static int segment(long location) { return (int) (location >>> 44); }

    static long offset(long location) { return location & ((1L << 44) - 1); }

    /** Where {@code key}'s record starts, or -1. */
    synchronized long get(String key) { return slots.get(hash(key), ANY); }

    synchronized void put(String key, long location) { slots.put(hash(key), location, ANY); }

    synchronized int size() { return slots.size(); }

    /** Heap of the table's arrays in bytes (bench). */
    synchronized long tableBytes() { return 16L * slots.capacity(); }

    /** FNV-1a over the key's UTF-8 bytes, then MurmurHash3's finalizer so every bit of the hash mixes well; never 0. */
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
        return h == 0 ? 1 : h;
    }
}
