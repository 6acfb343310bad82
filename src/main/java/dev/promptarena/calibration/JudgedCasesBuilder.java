package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import dev.promptarena.util.CompactColumn;
import dev.promptarena.util.LazyDoubles;
import dev.promptarena.util.StringColumn;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link JudgedCases} from records seen one at a time, keeping numbers only: per case its sums, per scored
 * record where it is in the source list and its votes (0, ½, 1 as one byte each). The sums are taken in the same
 * order, and the variance with the same stream operations, as when every record was held, so the scores and
 * uncertainties (and the label sheets drawn from them) are bit-for-bit the same.
 */
final class JudgedCasesBuilder {
    private final StringColumn ids = StringColumn.indexed(); // cases numbered in order of first appearance
    // Per case (each column grows itself).
    private final LazyDoubles sum = new LazyDoubles(64, 0.0), gap = new LazyDoubles(64, 0.0);
    private final CompactColumn count = new CompactColumn(64), gaps = new CompactColumn(64);
    private final CompactColumn first = new CompactColumn(64), last = new CompactColumn(64);
    // Per scored record, in the order seen: its index in the source, the next record of its case, where its votes end.
    private final CompactColumn source = new CompactColumn(64), next = new CompactColumn(64), votesEnd = new CompactColumn(64);
    private int records;
    private final CompactColumn votes = new CompactColumn(256);
    private int voteCount;

    void add(CaseRecord r, int index) {
        Verdict verdict = VerdictCombiner.combine(r.outcome());
        if (!verdict.scored()) return;
        int c = caseOf(r.caseId());
        int slot = records++;
        source.set(slot, index);
        next.set(slot, -1);
        if (first.get(c) < 0) first.set(c, slot);
        else next.set(last.getInt(c), slot);
        last.set(c, slot);
        sum.set(c, sum.get(c) + verdict.score());
        count.set(c, count.get(c) + 1);
        for (Vote vote : r.outcome().votes()) {
            if (vote.winner() == Winner.UNPARSEABLE) continue;
            votes.set(voteCount++, vote.winner() == Winner.B ? 2 : vote.winner() == Winner.A ? 0 : 1);
            for (Map.Entry<String, Integer> e : vote.scoresB().entrySet()) {
                Integer a = vote.scoresA().get(e.getKey());
                if (a != null) {
                    gap.set(c, gap.get(c) + (e.getValue() - a));
                    gaps.set(c, gaps.get(c) + 1);
                }
            }
        }
        votesEnd.set(slot, voteCount);
    }

    private int caseOf(String id) {
        int known = ids.size();
        int c = ids.number(id);
        if (c == known) first.set(c, -1); // a new case: no record yet
        return c;
    }

    JudgedCases build(List<CaseRecord> all) {
        int n = ids.size();
        double[] score = new double[n], uncertainty = new double[n];
        for (int c = 0; c < n; c++) {
            score[c] = sum.get(c) / count.getInt(c);
            double closeness = gaps.getInt(c) == 0 ? 0 : Math.max(0, 1 - Math.abs(gap.get(c) / gaps.getInt(c)));
            uncertainty[c] = variance(votesOf(c)) + JudgedCases.FLOOR + JudgedCases.FLOOR * closeness;
        }
        // The list reads the record chains from the columns, cut to size: the builder is done once built.
        first.resize(n);
        next.resize(records);
        source.resize(records);
        List<List<CaseRecord>> lazy = recordsOfEachCase(all, n, first, next, source);
        return new JudgedCases(List.copyOf(ids), score, uncertainty, lazy);
    }

    /** Static, so the list keeps these three columns and not the whole builder (votes, sums, ids). */
    private static List<List<CaseRecord>> recordsOfEachCase(List<CaseRecord> all, int n, CompactColumn first, CompactColumn next,
                                                            CompactColumn source) {
        return new AbstractList<>() {
            @Override
            public List<CaseRecord> get(int c) {
                List<CaseRecord> out = new ArrayList<>();
                for (int slot = first.getInt(c); slot >= 0; slot = next.getInt(slot)) out.add(all.get(source.getInt(slot)));
                return List.copyOf(out);
            }

            @Override
            public int size() { return n; }
        };
    }

    /** The case's votes as scores (B 1, A 0, else ½), in the order they were seen. */
    private double[] votesOf(int c) {
        int total = 0;
        for (int slot = first.getInt(c); slot >= 0; slot = next.getInt(slot)) total += votesEnd.getInt(slot) - votesStart(slot);
        double[] x = new double[total];
        int i = 0;
        for (int slot = first.getInt(c); slot >= 0; slot = next.getInt(slot)) {
            for (int v = votesStart(slot); v < votesEnd.getInt(slot); v++) x[i++] = votes.getInt(v) / 2.0;
        }
        return x;
    }

    private int votesStart(int slot) { return slot == 0 ? 0 : votesEnd.getInt(slot - 1); }

    /** As computed over a list of boxed votes before (DoubleStream's compensated sums), so the values do not move. */
    private static double variance(double[] x) {
        if (x.length == 0) return 0;
        double m = Arrays.stream(x).average().orElse(0);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length;
    }
}
