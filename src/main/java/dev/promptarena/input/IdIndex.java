package dev.promptarena.input;

import java.util.Arrays;
import java.util.Collection;

/**
 * Distinct ids numbered 0..n-1 in the order first given, looked up by binary search over a sorted copy. It replaces a
 * {@code HashMap<String, Integer>} per run-sized lookup (the case order, the judge's presentation plan): those cost
 * about 60 bytes a case in nodes and boxed integers, this 8 (two array slots; the id strings are the golden set's
 * own). A million-case run keeps several such lookups for its whole length.
 */
public final class IdIndex {
    private final String[] sorted;
    private final int[] numbers;

    /** Numbers the distinct ids of {@code ids} in the order they first occur (a repeated id keeps its first number). */
    public IdIndex(Collection<String> ids) {
        String[] given = ids.toArray(String[]::new);
        int[] order = new int[given.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // Stable sort: equal ids keep their first occurrence in front, which the de-duplication below keeps.
        IntSort.sort(order, 0, order.length, (x, y) -> given[x].compareTo(given[y]));
        String[] s = new String[given.length];
        int[] firstAt = new int[given.length];
        int n = 0;
        for (int i : order) {
            if (n > 0 && s[n - 1].equals(given[i])) continue;
            s[n] = given[i];
            firstAt[n++] = i;
        }
        // Renumber densely in order of first occurrence.
        int[] byFirst = Arrays.copyOf(firstAt, n);
        Arrays.sort(byFirst);
        this.sorted = Arrays.copyOf(s, n);
        this.numbers = new int[n];
        for (int k = 0; k < n; k++) numbers[k] = Arrays.binarySearch(byFirst, firstAt[k]);
    }

    /** How many distinct ids. */
    public int size() { return sorted.length; }

    /** The id's number, or -1 when it is not indexed. */
    public int of(String id) {
        int k = Arrays.binarySearch(sorted, id);
        return k < 0 ? -1 : numbers[k];
    }
}
