package dev.promptarena.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases' tags as a code a case into a few shared maps: a golden set has few distinct tag maps, and most often
 * every case has the same one (none), when no code a case is kept at all. Filled by one thread, then read by many.
 */
final class TagTable {
    private final Map<Map<String, String>, Integer> codes = new HashMap<>();
    private final List<Map<String, String>> maps = new ArrayList<>();
    private int[] caseCodes = new int[1024];
    private int n;

    void add(Map<String, String> tags) {
        if (n == caseCodes.length) caseCodes = Arrays.copyOf(caseCodes, n * 2);
        caseCodes[n++] = codes.computeIfAbsent(tags, t -> {
            maps.add(t);
            return maps.size() - 1;
        });
    }

    /** After the last {@link #add}: what the reads need (4 bytes a case, or nothing when all cases share one map). */
    Frozen done() { return new Frozen(maps.size() <= 1 ? null : Arrays.copyOf(caseCodes, n), List.copyOf(maps)); }

    /** The tags of case i, read-only. */
    record Frozen(int[] caseCodes, List<Map<String, String>> maps) {
        Map<String, String> tags(int i) { return maps.get(caseCodes == null ? 0 : caseCodes[i]); }
    }
}
