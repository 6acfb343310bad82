package dev.promptarena.input;

import java.util.List;

/**
 * Distinct ids numbered 0..n-1 in the order first given. It replaces a {@code HashMap<String, Integer>} per run-sized
 * lookup (the case order, the judge's presentation plan), which cost about 60 bytes a case; this holds no id: an
 * open-addressing table of positions in the given list (filled to at most 0.6, ~7 bytes a case), and a lookup reads the
 * ids at the probed positions back from the list (a golden set makes them on demand from a compact column, so a
 * million-case run keeps no million id strings). The list must not change while the index is used.
 */
public final class IdIndex {
    private final List<String> ids;
    private final int[] slots;   // position + 1 of an id's first occurrence; 0 is an empty slot
    private final int[] numbers; // number of the id first at each position; null when every id is distinct (number = position)
    private final int size;

    /** Numbers the distinct ids of {@code ids} in the order they first occur (a repeated id keeps its first number). */
    public IdIndex(List<String> ids) {
        this.ids = ids;
        int n = ids.size();
        this.slots = new int[(int) Math.min(Integer.MAX_VALUE - 8L, Math.max(4, n * 5L / 3 + 1))];
        int[] ranks = null;
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            int k = find(id);
            if (slots[k] != 0) { // seen before: the first occurrence keeps the number
                if (ranks == null) ranks = firstNumbers(n, i);
                continue;
            }
            slots[k] = i + 1;
            if (ranks != null) ranks[i] = distinct;
            distinct++;
        }
        this.numbers = ranks;
        this.size = distinct;
    }

    /** Positions before {@code i} are all distinct so far: each one's number is its position. */
    private static int[] firstNumbers(int n, int i) {
        int[] ranks = new int[n];
        for (int j = 0; j < i; j++) ranks[j] = j;
        return ranks;
    }

    /** How many distinct ids. */
    public int size() { return size; }

    /** The id's number, or -1 when it is not indexed. */
    public int of(String id) {
        int s = slots[find(id)];
        if (s == 0) return -1;
        return numbers == null ? s - 1 : numbers[s - 1];
    }

    /** The slot holding {@code id}'s position, or the empty slot where it would go. */
    private int find(String id) {
        int cap = slots.length;
        long h = id.hashCode() * 0x9E3779B97F4A7C15L;
        int i = (int) (((h >>> 32) * cap) >>> 32);
        while (slots[i] != 0 && !ids.get(slots[i] - 1).equals(id)) i = i + 1 == cap ? 0 : i + 1;
        return i;
    }
}
