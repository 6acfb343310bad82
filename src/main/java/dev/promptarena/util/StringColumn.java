package dev.promptarena.util;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Many short strings (a golden set's case ids) in two arrays: their UTF-8 bytes one after another and where each ends,
 * a new {@code String} made on each {@link #get}. A million ids of 7 characters held as strings cost ~52 bytes each
 * (the string, its byte array and a reference to it); here ~11. Appended by one thread, then read by any once
 * {@link #trim}med and published.
 */
public final class StringColumn extends AbstractList<String> implements RandomAccess {
    private byte[] bytes = new byte[64];
    private int[] ends = new int[8];
    private int size;

    /** Appends {@code s}; it is string number {@link #size()} - 1. */
    public void append(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int from = size == 0 ? 0 : ends[size - 1];
        if (from + b.length > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(from + b.length, 2L * bytes.length)));
        if (size == ends.length) ends = Arrays.copyOf(ends, 2 * size);
        System.arraycopy(b, 0, bytes, from, b.length);
        ends[size++] = from + b.length;
    }

    @Override
    public String get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        int from = i == 0 ? 0 : ends[i - 1];
        return new String(bytes, from, ends[i] - from, StandardCharsets.UTF_8);
    }

    @Override public int size() { return size; }

    /** Gives back the room left for appends (the arrays double as they fill). */
    public StringColumn trim() {
        bytes = Arrays.copyOf(bytes, size == 0 ? 0 : ends[size - 1]);
        ends = Arrays.copyOf(ends, size);
        return this;
    }

    /** Heap of the two arrays in bytes (tests, bench). */
    public long heapBytes() { return bytes.length + 4L * ends.length; }
}
