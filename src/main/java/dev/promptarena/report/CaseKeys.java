package dev.promptarena.report;

import dev.promptarena.input.IntSort;
import dev.promptarena.stats.Verdict;
import dev.promptarena.util.CompactColumn;
import dev.promptarena.util.LazyDoubles;
import dev.promptarena.util.StringColumn;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Every case's {@link CaseFacts.Key} as primitive columns (case ids concatenated in one buffer): at most 26 bytes (half
 * again while the columns grow; fewer where the values are narrow) and the id's characters a case, where a list of keys held ~115 (the key, a boxed drop, the id string). At a
 * million cases report.html ranks every case while the statistics hold their own columns (bench/README.md, sixth session).
 * {@link #worstFirst} orders them as {@link CaseFacts.Key#WORST_FIRST} does and hands them out as keys built when read.
 */
final class CaseKeys {
    private static final Verdict[] VERDICTS = Verdict.values();

    // Each column grows itself and is as narrow as its values (no array at all while every value is the default).
    private final CompactColumn verdict = new CompactColumn(1024), priority = new CompactColumn(1024);
    private final CompactColumn repeat = new CompactColumn(1024), wordDiff = new CompactColumn(1024);
    /** The worst drop, or negative infinity for none (the order {@link CaseFacts.Key#WORST_FIRST} gives a null). */
    private final LazyDoubles drop = new LazyDoubles(1024, Double.NEGATIVE_INFINITY);
    private final StringColumn ids = new StringColumn();
    private int n;

    void add(CaseFacts.Key k) {
        if (k.index() != n) throw new IllegalArgumentException("keys are added in case order: " + k.index() + " after " + n);
        verdict.set(n, k.verdict().ordinal());
        priority.set(n, (byte) k.priority());
        drop.set(n, k.worstDrop() == null ? Double.NEGATIVE_INFINITY : k.worstDrop());
        repeat.set(n, k.repeat());
        wordDiff.set(n, k.wordDiff());
        ids.append(k.caseId());
        n++;
    }

    /** Every key, worst first: a read-only list whose keys are built when read. */
    List<CaseFacts.Key> worstFirst() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        IntSort.sort(order, 0, n, this::compare);
        return new Sorted(order);
    }

    private int compare(int a, int b) {
        int c = Integer.compare(priority.getInt(a), priority.getInt(b));
        if (c != 0) return c;
        c = Double.compare(drop.get(b), drop.get(a)); // larger drop first
        if (c != 0) return c;
        c = ids.compare(a, b); // String.compareTo without making strings
        return c != 0 ? c : Integer.compare(repeat.getInt(a), repeat.getInt(b));
    }

    private CaseFacts.Key key(int i) {
        double d = drop.get(i);
        return new CaseFacts.Key(i, VERDICTS[verdict.getInt(i)], priority.getInt(i), d == Double.NEGATIVE_INFINITY ? null : d,
                ids.get(i), repeat.getInt(i), wordDiff.getInt(i));
    }

    private final class Sorted extends AbstractList<CaseFacts.Key> implements RandomAccess {
        private final int[] order;

        Sorted(int[] order) { this.order = order; }

        @Override public CaseFacts.Key get(int i) { return key(order[i]); }

        @Override public int size() { return order.length; }
    }
}
