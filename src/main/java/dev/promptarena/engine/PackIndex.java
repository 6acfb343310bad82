package dev.promptarena.engine;

import dev.promptarena.util.HashSlots;

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

    private HashSlots slots = new HashSlots();

    static long location(int segment, long offset) { return ((long) segment << 44) | offset; }

    static int segment(long location) { return (int) (location >>> 44); }

    static long offset(long location) { return location & ((1L << 44) - 1); }

    /** Where {@code key}'s record starts, or -1. */
    synchronized long get(String key) { return slots.get(hash(key), ANY); }

    synchronized void put(String key, long location) { slots.put(hash(key), location, ANY); }

    synchronized int size() { return slots.size(); }

    /** Forgets every entry and gives the table's memory back (a closed pack rescans on its next lookup). */
    synchronized void clear() { slots = new HashSlots(); }

    /** Heap of the table's arrays in bytes (bench). */
    synchronized long tableBytes() { return 16L * slots.capacity(); }

    static long hash(String key) { return HashSlots.hash(key); }
}
