package dev.promptarena.dataset;

import dev.promptarena.util.ClosingIterator;
import java.util.AbstractList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.RandomAccess;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The golden set of a run as a read-only list, or a view of some of its cases (the first N, a shard, a shuffled
 * order). A JSONL golden set is not held in memory: each case is parsed again from its line when read (see
 * {@link JsonlGoldenStore}), so a million-case run keeps about 30 bytes and the id a case instead of every text.
 * Ids and tags are available without parsing ({@link #ids}, {@link #tags}): the case order, shards and the judge's
 * balanced presentation order need only those. Iterating makes one pass through the file; {@link #get} reads one
 * line. A case read again is a new object equal to the one read before.
 */
// Not RandomAccess: get(i) opens the file, so list algorithms should iterate (one pass) rather than call get(i) per case.
public final class GoldenSet extends AbstractList<GoldenCase> {
    private final GoldenStore store;
    private final int[] positions; // this view's cases among the store's, in this view's order; null: all, in file order
    private final String sha256;
    private final boolean ascending; // read in file order: a pass reads the file front to back

    private GoldenSet(GoldenStore store, int[] positions, String sha256) {
        this.store = store;
        this.positions = positions;
        this.sha256 = sha256;
        boolean up = true;
        for (int i = 1; positions != null && i < positions.length && up; i++) up = positions[i] > positions[i - 1];
        this.ascending = up;
    }

    static GoldenSet of(GoldenStore store, String sha256) { return new GoldenSet(store, null, sha256); }

    /** {@code cases} itself when it is a golden set, else a golden set holding them (in memory). */
    public static GoldenSet of(List<GoldenCase> cases) {
        return cases instanceof GoldenSet g ? g : new GoldenSet(new GoldenStore.Memory(cases), null, null);
    }

    /** SHA-256 of the file's bytes as read (null for cases built in memory). */
    public String sha256() { return sha256; }

    @Override public int size() { return positions == null ? store.size() : positions.length; }

    private int at(int i) {
        if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
        return positions == null ? i : positions[i];
    }

    @Override
    public GoldenCase get(int i) {
        try (GoldenStore.Cursor c = store.cursor(false)) {
            return c.read(at(i));
        }
    }

    /** The id of case {@code i}, without reading the case. */
    public String id(int i) { return store.id(at(i)); }

    /** The tags of case {@code i}, without reading the case. */
    public Map<String, String> tags(int i) { return store.tags(at(i)); }

    /** The ids of these cases, in order (the golden set's own strings: indexes over them share them). */
    public List<String> ids() {
        return new IdList();
    }

    private final class IdList extends AbstractList<String> implements RandomAccess {
        @Override public int size() { return GoldenSet.this.size(); }

        @Override public String get(int i) { return id(i); }
    }

    /**
     * Every input field name of the whole golden set as its file was scanned, without reading the cases again; null
     * for a view of some cases or cases built in code (then read the cases).
     */
    public Set<String> fieldNames() { return positions == null ? store.fieldNames() : null; }

    /** Every tag key of these cases, sorted. */
    public Set<String> tagKeys() {
        Set<String> keys = new TreeSet<>();
        Set<Map<String, String>> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < size(); i++) {
            Map<String, String> t = tags(i);
            if (seen.add(t)) keys.addAll(t.keySet());
        }
        return keys;
    }

    /** The first {@code n} cases. */
    public GoldenSet first(int n) {
        if (n >= size()) return this;
        int[] p = new int[Math.max(0, n)];
        for (int i = 0; i < p.length; i++) p[i] = at(i);
        return new GoldenSet(store, p, sha256);
    }

    /** The cases whose id passes {@code keep}, in this order. */
    public GoldenSet filter(Predicate<String> keep) {
        int[] p = new int[size()];
        int n = 0;
        for (int i = 0; i < size(); i++) if (keep.test(id(i))) p[n++] = at(i);
        return new GoldenSet(store, java.util.Arrays.copyOf(p, n), sha256);
    }

    /** These cases in the order {@code Collections.shuffle(new ArrayList<>(this), random)} gives them (same draws, same order). */
    public GoldenSet shuffled(Random random) {
        int[] p = new int[size()];
        for (int i = 0; i < p.length; i++) p[i] = at(i);
        // Collections.shuffle on a random-access list: swaps through set(), consuming random exactly as on a list of cases.
        Collections.shuffle(new Positions(p), random);
        return new GoldenSet(store, p, sha256);
    }

    /** Cases {@code i} of this view, for each {@code i} in {@code indexes}, in that order. */
    public GoldenSet select(int[] indexes) {
        int[] p = new int[indexes.length];
        for (int k = 0; k < p.length; k++) p[k] = at(indexes[k]);
        return new GoldenSet(store, p, sha256);
    }

    private static final class Positions extends AbstractList<Integer> implements RandomAccess {
        private final int[] p;

        Positions(int[] p) { this.p = p; }

        @Override public int size() { return p.length; }

        @Override public Integer get(int i) { return p[i]; }

        @Override public Integer set(int i, Integer v) {
            int old = p[i];
            p[i] = v;
            return old;
        }
    }

    /** One pass through the file; an iterator dropped before its end leaves its open file to the garbage collector. */
    @Override
    public Iterator<GoldenCase> iterator() { return new Pass(); }

    /** Streams read the file once too (AbstractList's would read each case with {@link #get}). */
    @Override
    public Spliterator<GoldenCase> spliterator() {
        return Spliterators.spliterator(iterator(), size(), Spliterator.ORDERED | Spliterator.SIZED | Spliterator.NONNULL);
    }

    @Override
    public void forEach(Consumer<? super GoldenCase> action) {
        ClosingIterator.forEachClosing(new Pass(), action);
    }

    private final class Pass extends ClosingIterator<GoldenCase> {
        private GoldenStore.Cursor cursor;

        @Override
        protected int size() { return GoldenSet.this.size(); }

        @Override
        protected GoldenCase read(int i) {
            if (cursor == null) cursor = store.cursor(ascending);
            return cursor.read(at(i));
        }

        @Override
        public void close() {
            if (cursor != null) cursor.close();
            cursor = null;
        }
    }
}
