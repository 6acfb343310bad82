package dev.promptarena.stats;

import dev.promptarena.util.CompactColumn;
import dev.promptarena.util.LazyDoubles;
import dev.promptarena.util.StringColumn;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Every outcome of a run as primitive columns, for the analysis at the end of a run of any size (issue 21: memory
 * flat in the cases). Texts are not kept (a side keeps its word count); case ids are kept once per case with a
 * cluster number per row (cases numbered in order of first appearance); tags, judge names, score and check maps and
 * error messages, which repeat, sit in shared tables; a vote is a judge index, a sample, its flags and two score-map
 * indexes. Narrow columns (CompactColumn): ~50 bytes an outcome with one vote, no cost and no similarity; ~200 with two
 * votes and every column wide; ~1 KB for the objects it stands for.
 *
 * <p>It is a read-only {@code List<CaseOutcome>}: {@link #get} builds a short-lived outcome equal to the one stored in
 * everything but the output texts (empty), so every statistic reads it as it reads a list of outcomes, and the same
 * numbers come out. Immutable once built, so analyses may read it from several threads.
 */
public final class OutcomeColumns extends AbstractList<CaseOutcome> implements RandomAccess {
    private static final byte B_FIRST = 1, TRUNCATED = 2, JUDGE_FAILED = 4;
    private static final Winner[] WINNERS = Winner.values();

    private final int size;
    /** Every distinct case id, concatenated in order of first appearance: ~10 bytes a case against ~50 for a String
     *  each; {@link #get} cuts the id out again. */
    private final StringColumn caseIds;
    private final int[] cluster, voteStart;
    // Narrow or absent while the values allow (CompactColumn, LazyDoubles): no repeats, one judge, one sample, no tags.
    private final CompactColumn repeat, tags, judge, sample, scoresA, scoresB;
    private final LazyDoubles judgeCost;
    private final byte[] voteFlags, winner;
    private final SideColumns a, b;
    private final Interner<String> names;
    private final Interner<Map<String, String>> tagMaps;
    private final Interner<Map<String, Integer>> scoreMaps;
    private final Interner<Map<String, Boolean>> checkMaps;

    private OutcomeColumns(Builder x) {
        size = x.size;
        // Columns already of the right length (the expected size was exact) are kept, not copied: a copy would
        // briefly double the store.
        caseIds = x.caseIds.dropIndex().trim();
        cluster = fit(x.cluster, size);
        x.repeat.resize(size);
        x.tags.resize(size);
        x.judgeCost.resize(size);
        repeat = x.repeat;
        tags = x.tags;
        judgeCost = x.judgeCost;
        voteStart = fit(x.voteStart, size + 1);
        int votes = x.votes;
        for (CompactColumn c : new CompactColumn[] {x.judge, x.sample, x.scoresA, x.scoresB}) c.resize(votes);
        judge = x.judge;
        sample = x.sample;
        scoresA = x.scoresA;
        scoresB = x.scoresB;
        voteFlags = x.voteFlags.length == votes ? x.voteFlags : Arrays.copyOf(x.voteFlags, votes);
        winner = x.winner.length == votes ? x.winner : Arrays.copyOf(x.winner, votes);
        x.a.trim(size);
        x.b.trim(size);
        a = x.a;
        b = x.b;
        names = x.names;
        tagMaps = x.tagMaps;
        scoreMaps = x.scoreMaps;
        checkMaps = x.checkMaps;
    }

    private static int[] fit(int[] column, int length) {
        return column.length == length ? column : Arrays.copyOf(column, length);
    }

    /** The columns of {@code outcomes}, in their order (each outcome is read once). */
    public static OutcomeColumns of(Iterable<CaseOutcome> outcomes, int expectedSize) {
        Builder builder = new Builder(expectedSize);
        for (CaseOutcome o : outcomes) builder.add(o);
        return builder.build();
    }

    @Override
    public int size() { return size; }

    @Override
    public CaseOutcome get(int row) {
        java.util.Objects.checkIndex(row, size);
        Vote[] votes = new Vote[voteStart[row + 1] - voteStart[row]];
        for (int i = 0; i < votes.length; i++) {
            int v = voteStart[row] + i;
            byte f = voteFlags[v];
            votes[i] = new Vote(names.value(judge.getInt(v)), sample.getInt(v), (f & B_FIRST) != 0, WINNERS[winner[v]],
                    scoreMaps.value(scoresA.getInt(v)), scoreMaps.value(scoresB.getInt(v)), (f & TRUNCATED) != 0, (f & JUDGE_FAILED) != 0);
        }
        return new CaseOutcome(caseIds.get(cluster[row]), repeat.getInt(row), tagMaps.value(tags.getInt(row)),
                a.get(row, names, checkMaps), b.get(row, names, checkMaps), List.of(votes), judgeCost.get(row));
    }

    /** The case (cluster) number of {@code row}: cases are numbered 0, 1, ... in order of first appearance. */
    public int cluster(int row) { return cluster[row]; }

    /** The number of distinct case ids. */
    public int clusters() { return caseIds.size(); }

    /** Collects outcomes one at a time; {@link #build} trims the columns to their size. */
    public static final class Builder {
        private final Interner<String> names = new Interner<>();
        private final Interner<Map<String, String>> tagMaps = new Interner<>();
        private final Interner<Map<String, Integer>> scoreMaps = new Interner<>();
        private final Interner<Map<String, Boolean>> checkMaps = new Interner<>();
        private int size, votes;
        private final StringColumn caseIds = StringColumn.indexed(); // numbered in order of first appearance
        private int[] cluster, voteStart;
        private final CompactColumn repeat, tags, judge, sample, scoresA, scoresB;
        private final LazyDoubles judgeCost;
        private int voteCapacity;
        private byte[] voteFlags, winner;
        private final SideColumns a, b;

        public Builder(int expectedSize) {
            int n = Math.max(16, expectedSize);
            cluster = new int[n];
            repeat = new CompactColumn(n);
            tags = new CompactColumn(n);
            judgeCost = new LazyDoubles(n, 0.0);
            voteStart = new int[n + 1];
            judge = new CompactColumn(0);
            sample = new CompactColumn(0);
            scoresA = new CompactColumn(0);
            scoresB = new CompactColumn(0);
            a = new SideColumns(n);
            b = new SideColumns(n);
            growVotes(2 * n);
        }

        public Builder add(CaseOutcome o) {
            if (size == cluster.length) growRows(size + (size >> 1) + 16);
            cluster[size] = caseIds.number(o.caseId());
            repeat.set(size, o.repeat());
            tags.set(size, tagMaps.index(o.tags()));
            judgeCost.set(size, o.judgeCostUsd());
            a.set(size, o.a(), names, checkMaps);
            b.set(size, o.b(), names, checkMaps);
            for (Vote v : o.votes()) {
                if (votes == voteCapacity) growVotes(votes + (votes >> 1) + 16);
                judge.set(votes, names.index(v.judge()));
                sample.set(votes, v.sample());
                voteFlags[votes] = (byte) ((v.bFirst() ? B_FIRST : 0) | (v.truncated() ? TRUNCATED : 0) | (v.judgeFailed() ? JUDGE_FAILED : 0));
                winner[votes] = (byte) v.winner().ordinal();
                scoresA.set(votes, scoreMaps.index(v.scoresA()));
                scoresB.set(votes, scoreMaps.index(v.scoresB()));
                votes++;
            }
            voteStart[++size] = votes;
            return this;
        }

        public OutcomeColumns build() { return new OutcomeColumns(this); }

        private void growRows(int n) {
            cluster = Arrays.copyOf(cluster, n);
            repeat.resize(n);
            tags.resize(n);
            judgeCost.resize(n);
            voteStart = Arrays.copyOf(voteStart, n + 1);
        }

        private void growVotes(int n) {
            voteCapacity = n;
            for (CompactColumn c : new CompactColumn[] {judge, sample, scoresA, scoresB}) c.resize(n);
            voteFlags = voteFlags == null ? new byte[n] : Arrays.copyOf(voteFlags, n);
            winner = winner == null ? new byte[n] : Arrays.copyOf(winner, n);
        }
    }
}
