package dev.promptarena.util;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * An iterator over positions 0..size()-1 of a list read back from a file, which closes what it opened once the last
 * element is read (or when closed early, as {@link #forEachClosing} does). An iterator dropped before its end leaves
 * its open file to the garbage collector. Serves the golden set's pass and the stored case records.
 */
public abstract class ClosingIterator<T> implements Iterator<T>, AutoCloseable {
    private int next;

    /** How many elements the list has now (asked at each step: a list may grow while it is iterated). */
    protected abstract int size();

    /** Element {@code i}, opening what the reads need on the first call. */
    protected abstract T read(int i);

    /** Releases what {@link #read} opened; called again after that, it does nothing. */
    @Override
    public abstract void close();

    @Override
    public final boolean hasNext() {
        if (next < size()) return true;
        close();
        return false;
    }

    @Override
    public final T next() {
        if (!hasNext()) throw new NoSuchElementException();
        return read(next++);
    }

    /** Every element to {@code action}, closing the iterator at the end even when {@code action} throws. */
    public static <T> void forEachClosing(ClosingIterator<T> it, Consumer<? super T> action) {
        try (it) {
            while (it.hasNext()) action.accept(it.next());
        }
    }
}
