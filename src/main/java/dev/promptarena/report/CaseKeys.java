package dev.promptarena.report;

import dev.promptarena.input.IntSort;
import dev.promptarena.stats.Verdict;
import dev.promptarena.util.StringColumn;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Every case's {@link CaseFacts.Key} as primitive columns (case ids concatenated in one buffer): 26 bytes (twice that while
 * the arrays grow) and the id's characters a case, where a list of keys held ~115 (the key, a boxed drop, the id string). At a
 * million cases report.html ranks every case while the statistics hold their own columns (bench/README.md, sixth session).
 * {@link #worstFirst} orders them as {@link CaseFacts.Key#WORST_FIRST} does and hands them out as keys built when read.
 */
final class CaseKeys {
    private static final Verdict[] VERDICTS = Verdict.values();

    private byte[] verdict = new byte[1024];
    private byte[] priority = new byte[1024];
    /** The worst drop, or negative infinity for none (the order {@link CaseFacts.Key#WORST_FIRST} gives a null). */
    private double[] drop = new double[1024];
    private int[] repeat = new int[1024];
    private int[] wordDiff = new int[1024];
    private final StringColumn ids = new StringColumn();
    private int n;

    void add(CaseFacts.Key k) {
        if (k.index() != n) throw new IllegalArgumentException("keys are added in case order: " + k.index() + " after " + n);
        if (n == verdict.length) grow();
        verdict[n] = (byte) k.verdict().ordinal();
        priority[n] = (byte) k.priority();
        drop[n] = k.worstDrop() == null ? Double.NEGATIVE_INFINITY : k.worstDrop();
        repeat[n] = k.repeat();
        wordDiff[n] = k.wordDiff();
        ids.append(k.caseId());
        n++;
    }

    private void grow() {
        int size = n * 2;
        verdict = Arrays.copyOf(verdict, size);
        priority = Arrays.copyOf(priority, size);
        drop = Arrays.copyOf(drop, size);
        repeat = Arrays.copyOf(repeat, size);
        wordDiff = Arrays.copyOf(wordDiff, size);
    }

    /** Every key, worst first: a read-only list whose keys are built when read. */
    List<CaseFacts.Key> worstFirst() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        IntSort.sort(order, 0, n, this::compare);
        return new Sorted(order);
    }

    private int compare(int a, int b) {
        int c = Integer.compare(priority[a], priority[b]);
        if (c != 0) return c;
        c = Double.compare(drop[b], drop[a]); // larger drop first
        if (c != 0) return c;
        c = ids.compare(a, b); // String.compareTo without making strings
        return c != 0 ? c : Integer.compare(repeat[a], repeat[b]);
    }

    private CaseFacts.Key key(int i) {
        double d = drop[i];
        return new CaseFacts.Key(i, VERDICTS[verdict[i]], priority[i], d == Double.NEGATIVE_INFINITY ? null : d,
                ids.get(i), repeat[i], wordDiff[i]);
    }

    private final class Sorted extends AbstractList<CaseFacts.Key> implements RandomAccess {
        private final int[] order;

        Sorted(int[] order) { this.order = order; }

        @Override public CaseFacts.Key get(int i) { return key(order[i]); }

        @Override public int size() { return order.length; }
    }
}
