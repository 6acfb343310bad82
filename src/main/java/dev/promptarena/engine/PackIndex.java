package dev.promptarena.engine;

import dev.promptarena.util.HashSlots;
import java.util.Arrays;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * The pack's in-memory index: where the latest record of each key starts (segment and offset), found through a hash of
 * the key. A million-case run indexes 3 million responses for its whole calls phase, so every byte an entry counts:
 * each slot is one long holding an 18-bit fingerprint of the key's hash beside the 46-bit location, 11 to 16 bytes an
 * entry (the table is filled to between 1/2 and 3/4), where a table of hash and location side by side took 21 to 32
 * (bench/README.md, "Memory, fourth step"). Keys whose fingerprints match are told apart by reading the record back
 * (its stored key), so the index never confuses two keys: a lookup gets the few candidate locations and the pack reads
 * them, an insert asks whether a slot with its fingerprint is the same key. The slots are split into 256 tables by the
 * hash's top bits, each grown on its own (by 1.5x): growing copies 1/256 of the index at a time, not all of it with
 * the old and new arrays side by side.
 */
final class PackIndex {
    static final int SEGMENT_BITS = 13;
    static final int OFFSET_BITS = 33;
    /** Largest segment number and offset a location holds (8191 segments, 8 GB a segment; the pack cuts at 256 MB). */
    static final int MAX_SEGMENT = (1 << SEGMENT_BITS) - 1;
    static final long MAX_OFFSET = (1L << OFFSET_BITS) - 1;
    private static final int LOCATION_BITS = SEGMENT_BITS + OFFSET_BITS;
    private static final int FINGERPRINT_BITS = 64 - LOCATION_BITS;
    private static final long LOCATION_MASK = (1L << LOCATION_BITS) - 1;
    private static final int PART_BITS = 8;
    private static final int MIN_CAPACITY = 8;
    private static final long[] NONE = new long[0];

    private final ToLongFunction<String> hash;
    private long[][] parts;
    private int[] counts;
    private int size;

    PackIndex() { this(HashSlots::hash); }

    /** With the key hash given: tests force every key onto one fingerprint and slot chain. */
    PackIndex(ToLongFunction<String> hash) {
        this.hash = hash;
        clear();
    }

    static boolean fits(int segment, long offset) { return segment >= 1 && segment <= MAX_SEGMENT && offset >= 0 && offset <= MAX_OFFSET; }

    /** Segment (from 1) and offset in one non-zero long; out of range throws (check {@link #fits} first). */
    static long location(int segment, long offset) {
        if (!fits(segment, offset)) throw new IllegalArgumentException("pack location out of range: segment " + segment + ", offset " + offset);
        return ((long) segment << OFFSET_BITS) | offset;
    }

    static int segment(long location) { return (int) (location >>> OFFSET_BITS); }

    static long offset(long location) { return location & MAX_OFFSET; }

    /**
     * Where records that may be {@code key}'s start, in probe order: the one holding it (if any) and, rarely, others whose
     * fingerprint matches. The caller reads them and keeps the record whose stored key is {@code key}.
     */
    synchronized long[] candidates(String key) {
        long h = hash.applyAsLong(key);
        long[] t = parts[part(h)];
        long fp = fingerprint(h);
        long[] found = NONE;
        for (int i = home(fp, t.length); t[i] != 0; i = next(i, t.length)) {
            if (t[i] >>> LOCATION_BITS == fp) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = t[i] & LOCATION_MASK;
            }
        }
        return found;
    }

    /**
     * Records that {@code key}'s latest record starts at {@code location}: over the slot of the same key if there is one
     * ({@code holdsKey} is asked about each location whose fingerprint matches: does the record there belong to
     * {@code key}?), else in a new slot.
     */
    synchronized void put(String key, long location, LongPredicate holdsKey) {
        long h = hash.applyAsLong(key);
        int p = part(h);
        if ((counts[p] + 1) * 4L > parts[p].length * 3L) grow(p);
        long[] t = parts[p];
        long fp = fingerprint(h);
        long slot = fp << LOCATION_BITS | location;
        int i = home(fp, t.length);
        for (; t[i] != 0; i = next(i, t.length)) {
            if (t[i] >>> LOCATION_BITS == fp && holdsKey.test(t[i] & LOCATION_MASK)) {
                t[i] = slot;
                return;
            }
        }
        t[i] = slot;
        counts[p]++;
        size++;
    }

    synchronized int size() { return size; }

    /** Forgets every entry and gives the tables' memory back (a closed pack rescans on its next lookup). */
    synchronized void clear() {
        parts = new long[1 << PART_BITS][];
        for (int p = 0; p < parts.length; p++) parts[p] = new long[MIN_CAPACITY];
        counts = new int[parts.length];
        size = 0;
    }

    /** Heap of the tables' slots in bytes (bench). */
    synchronized long tableBytes() {
        long slots = 0;
        for (long[] t : parts) slots += t.length;
        return 8 * slots;
    }

    /** Heap of the largest table in bytes: when it grew, the one it replaced (2/3 of it) was alive beside it (bench). */
    synchronized long largestTableBytes() {
        long most = 0;
        for (long[] t : parts) most = Math.max(most, t.length);
        return 8 * most;
    }

    private void grow(int p) {
        long[] old = parts[p];
        int cap = (int) Math.min(Integer.MAX_VALUE - 8L, old.length * 3L / 2);
        if (cap <= old.length) throw new IllegalStateException("pack index full at " + size + " entries");
        long[] t = new long[cap];
        for (long s : old) {
            if (s == 0) continue;
            int i = home(s >>> LOCATION_BITS, cap);
            while (t[i] != 0) i = next(i, cap);
            t[i] = s;
        }
        parts[p] = t;
    }

    private static int part(long h) { return (int) (h >>> (64 - PART_BITS)); }

    /** The hash's bits below the part's; a slot keeps them, so a table can grow without the keys. */
    private static long fingerprint(long h) { return (h >>> (64 - PART_BITS - FINGERPRINT_BITS)) & ((1L << FINGERPRINT_BITS) - 1); }

    /**
     * The fingerprint scaled to the capacity (any capacity works). A table of more than 2^18 slots (~50 million entries
     * over the 256 tables) shares homes between neighbours, which lengthens probes but stays correct.
     */
    private static int home(long fp, int cap) { return (int) ((fp * cap) >>> FINGERPRINT_BITS); }

    private static int next(int i, int cap) { return i + 1 == cap ? 0 : i + 1; }
}
