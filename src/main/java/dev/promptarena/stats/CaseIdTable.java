package dev.promptarena.stats;

import java.util.Arrays;

/**
 * The distinct case ids of {@link OutcomeColumns}, numbered in order of first appearance, without an object per id:
 * the ids are appended to one character buffer with their end offsets, and found again through an open-addressing
 * table of numbers (a {@code HashMap<String, Integer>} cost ~100 bytes a case while the columns were filled, this
 * ~16). Written by one thread; {@link #freeze} gives the read-only form the columns keep.
 */
final class CaseIdTable {
    private final StringBuilder chars = new StringBuilder();
    private int[] end = new int[16], hash = new int[16];
    private int[] slots = new int[64]; // case number + 1; 0 is an empty slot
    private int size;

    /** The number of {@code id}, numbering it next when it is new. */
    int number(String id) {
        int h = id.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                slots[i] = add(id, h) + 1;
                if (2 * size > slots.length) rehash();
                return size - 1;
            }
            if (hash[s - 1] == h && sameId(s - 1, id)) return s - 1;
        }
    }

    int size() { return size; }

    /** The ids as one string and the end offset of each (ids are cut out with {@link #id}). */
    Frozen freeze() {
        return new Frozen(chars.toString(), Arrays.copyOf(end, size));
    }

    /** The read-only form: every id concatenated, and where each ends. */
    record Frozen(String chars, int[] end) {
        String id(int number) { return chars.substring(number == 0 ? 0 : end[number - 1], end[number]); }

        int size() { return end.length; }
    }

    private int add(String id, int h) {
        if (size == end.length) {
            end = Arrays.copyOf(end, 2 * size);
            hash = Arrays.copyOf(hash, 2 * size);
        }
        chars.append(id);
        end[size] = chars.length();
        hash[size] = h;
        return size++;
    }

    private boolean sameId(int number, String id) {
        int from = number == 0 ? 0 : end[number - 1];
        if (end[number] - from != id.length()) return false;
        for (int k = 0; k < id.length(); k++) if (chars.charAt(from + k) != id.charAt(k)) return false;
        return true;
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int n = 0; n < size; n++) {
            int i = spread(hash[n]) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = n + 1;
        }
    }

    private static int spread(int h) { return (h ^ (h >>> 16)) * 0x9E3779B9; }
}
