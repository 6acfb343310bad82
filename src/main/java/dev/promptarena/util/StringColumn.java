package dev.promptarena.util;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Many short strings (case ids) in one buffer with where each ends, a {@code String} made on each {@link #get}. A million
 * ids of 7 characters held as strings cost ~52 bytes each (the string, its byte array and a reference to it); here ~11.
 * The buffer holds what {@code String} itself would (its compact strings): one byte a character while every character is
 * below 256 (Latin-1: an id like "c000123"), two once one is not (the buffer is then copied to chars once). Either way
 * {@link #compare} is {@link String#compareTo}'s order, UTF-16 code units, which UTF-8 bytes are not: they order by code
 * point, so a character from U+E000 to U+FFFF comes before one above U+FFFF (a surrogate pair, U+D800...) in UTF-8 and
 * after it in a String.
 *
 * <p>{@link #indexed()} adds a hash table of numbers ({@link #indexOf}, {@link #number}): 8 to 16 bytes a string where a
 * {@code HashMap<String, Integer>} took ~100. Written by one thread, then read by any once published.
 */
public final class StringColumn extends AbstractList<String> implements RandomAccess {
    private byte[] latin1 = new byte[64]; // null once a character >= 256 is held
    private char[] chars;
    private int[] ends = new int[8];
    private int size;
    private int[] slots; // string number + 1, 0 for an empty slot; null without an index

    /** A column that finds a string's number too ({@link #indexOf}, {@link #number}). */
    public static StringColumn indexed() {
        StringColumn column = new StringColumn();
        column.slots = new int[16];
        return column;
    }

    /** Appends {@code s}, which is string number {@link #size()} - 1, and returns that number. */
    public int append(String s) {
        int from = start(size);
        int to = from + s.length();
        if (latin1 != null && !isLatin1(s)) toChars();
        if (latin1 != null) {
            if (to > latin1.length) latin1 = Arrays.copyOf(latin1, grown(latin1.length, to));
            for (int k = 0; k < s.length(); k++) latin1[from + k] = (byte) s.charAt(k);
        } else {
            if (to > chars.length) chars = Arrays.copyOf(chars, grown(chars.length, to));
            s.getChars(0, s.length(), chars, from);
        }
        if (size == ends.length) ends = Arrays.copyOf(ends, 2 * size);
        ends[size] = to;
        if (slots != null) {
            if (2 * (size + 1) > slots.length) rehash(2 * slots.length); // at most half full: short probes
            place(size, s.hashCode());
        }
        return size++;
    }

    /** The number of {@code s}, appending it when it is new (an indexed column only). */
    public int number(String s) {
        int known = indexOf(s);
        return known >= 0 ? known : append(s);
    }

    /** The first number holding {@code o}, or -1: through the hash table when indexed, else by looking at every string. */
    @Override
    public int indexOf(Object o) {
        if (slots == null || !(o instanceof String s)) return super.indexOf(o);
        int mask = slots.length - 1;
        for (int i = home(s.hashCode(), mask); slots[i] != 0; i = (i + 1) & mask) {
            if (equalsAt(slots[i] - 1, s)) return slots[i] - 1;
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) { return indexOf(o) >= 0; }

    @Override
    public String get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        int from = start(i);
        return latin1 != null ? new String(latin1, from, ends[i] - from, StandardCharsets.ISO_8859_1) : new String(chars, from, ends[i] - from);
    }

    /** {@code get(i).compareTo(get(j))} without making the strings (its sign; equal strings give 0). */
    public int compare(int i, int j) {
        int a = start(i), b = start(j);
        int la = ends[i] - a, lb = ends[j] - b;
        int n = Math.min(la, lb);
        for (int k = 0; k < n; k++) {
            int x = latin1 != null ? latin1[a + k] & 0xff : chars[a + k];
            int y = latin1 != null ? latin1[b + k] & 0xff : chars[b + k];
            if (x != y) return x - y;
        }
        return la - lb;
    }

    @Override public int size() { return size; }

    /** Gives back the room left for appends (the arrays double as they fill); the index, if any, stays. */
    public StringColumn trim() {
        int length = start(size);
        if (latin1 != null) latin1 = Arrays.copyOf(latin1, length);
        else chars = Arrays.copyOf(chars, length);
        ends = Arrays.copyOf(ends, size);
        return this;
    }

    /** Gives back the hash table once no string is looked up any more. */
    public StringColumn dropIndex() {
        slots = null;
        return this;
    }

    /** Heap of the arrays in bytes (tests, bench). */
    public long heapBytes() {
        return (latin1 != null ? latin1.length : 2L * chars.length) + 4L * ends.length + (slots == null ? 0 : 4L * slots.length);
    }

    private int start(int i) { return i == 0 ? 0 : ends[i - 1]; }

    private static int grown(int length, int needed) { return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, 2L * length)); }

    private static boolean isLatin1(String s) {
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) >= 256) return false;
        return true;
    }

    private void toChars() {
        chars = new char[latin1.length];
        for (int k = 0; k < chars.length; k++) chars[k] = (char) (latin1[k] & 0xff);
        latin1 = null;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int n = 0; n < size; n++) place(n, hashAt(n));
    }

    /** Puts number {@code n} in the first free slot from its hash's home (linear probing). */
    private void place(int n, int hash) {
        int mask = slots.length - 1;
        int i = home(hash, mask);
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = n + 1;
    }

    /** {@link String#hashCode} of string {@code n}, from the buffer. */
    private int hashAt(int n) {
        int h = 0;
        for (int k = start(n); k < ends[n]; k++) h = 31 * h + (latin1 != null ? latin1[k] & 0xff : chars[k]);
        return h;
    }

    /** Fibonacci hashing (the product's top bits), so ids that differ only in their last character spread out. */
    private static int home(int hash, int mask) { return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask); }

    private boolean equalsAt(int n, String s) {
        int from = start(n);
        if (ends[n] - from != s.length()) return false;
        for (int k = 0; k < s.length(); k++) {
            if ((latin1 != null ? latin1[from + k] & 0xff : chars[from + k]) != s.charAt(k)) return false;
        }
        return true;
    }
}
