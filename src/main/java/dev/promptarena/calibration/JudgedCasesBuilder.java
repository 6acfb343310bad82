package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import dev.promptarena.util.HashSlots;
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
    private final HashSlots byId = new HashSlots();
    private final List<String> ids = new ArrayList<>();
    // Per case.
    private double[] sum = new double[64];
    private double[] gap = new double[64];
    private int[] count = new int[64];
    private int[] gaps = new int[64];
    private int[] first = new int[64];
    private int[] last = new int[64];
    // Per scored record, in the order seen: its index in the source, the next record of its case, where its votes end.
    private int[] source = new int[64];
    private int[] next = new int[64];
    private int[] votesEnd = new int[64];
    private int records;
    private byte[] votes = new byte[256];
    private int voteCount;

    void add(CaseRecord r, int index) {
        Verdict verdict = VerdictCombiner.combine(r.outcome());
        if (!verdict.scored()) return;
        int c = caseOf(r.caseId());
        if (records == source.length) {
            source = Arrays.copyOf(source, records * 3 / 2);
            next = Arrays.copyOf(next, records * 3 / 2);
            votesEnd = Arrays.copyOf(votesEnd, records * 3 / 2);
        }
        int slot = records++;
        source[slot] = index;
        next[slot] = -1;
        if (first[c] < 0) first[c] = slot;
        else next[last[c]] = slot;
        last[c] = slot;
        sum[c] += verdict.score();
        count[c]++;
        for (Vote vote : r.outcome().votes()) {
            if (vote.winner() == Winner.UNPARSEABLE) continue;
            if (voteCount == votes.length) votes = Arrays.copyOf(votes, voteCount * 3 / 2);
            votes[voteCount++] = (byte) (vote.winner() == Winner.B ? 2 : vote.winner() == Winner.A ? 0 : 1);
            for (Map.Entry<String, Integer> e : vote.scoresB().entrySet()) {
                Integer a = vote.scoresA().get(e.getKey());
                if (a != null) { gap[c] += e.getValue() - a; gaps[c]++; }
            }
        }
        votesEnd[slot] = voteCount;
    }

    private int caseOf(String id) {
        long h = HashSlots.hash(id);
        long known = byId.get(h, c -> ids.get((int) c).equals(id));
        if (known >= 0) return (int) known;
        int c = ids.size();
        ids.add(id);
        byId.put(h, c, other -> false);
        if (c == sum.length) {
            int n = c * 3 / 2;
            sum = Arrays.copyOf(sum, n);
            gap = Arrays.copyOf(gap, n);
            count = Arrays.copyOf(count, n);
            gaps = Arrays.copyOf(gaps, n);
            first = Arrays.copyOf(first, n);
            last = Arrays.copyOf(last, n);
        }
        first[c] = -1;
        return c;
    }

    JudgedCases build(List<CaseRecord> all) {
        int n = ids.size();
        double[] score = new double[n], uncertainty = new double[n];
        for (int c = 0; c < n; c++) {
            score[c] = sum[c] / count[c];
            double closeness = gaps[c] == 0 ? 0 : Math.max(0, 1 - Math.abs(gap[c] / gaps[c]));
            uncertainty[c] = variance(votesOf(c)) + JudgedCases.FLOOR + JudgedCases.FLOOR * closeness;
        }
        int[] firstOf = Arrays.copyOf(first, n), nextOf = Arrays.copyOf(next, records), sourceOf = Arrays.copyOf(source, records);
        List<List<CaseRecord>> lazy = new AbstractList<>() {
            @Override
            public List<CaseRecord> get(int c) {
                List<CaseRecord> out = new ArrayList<>();
                for (int slot = firstOf[c]; slot >= 0; slot = nextOf[slot]) out.add(all.get(sourceOf[slot]));
                return List.copyOf(out);
            }

            @Override
            public int size() { return n; }
        };
        return new JudgedCases(List.copyOf(ids), score, uncertainty, lazy);
    }

    /** The case's votes as scores (B 1, A 0, else ½), in the order they were seen. */
    private double[] votesOf(int c) {
        int total = 0;
        for (int slot = first[c]; slot >= 0; slot = next[slot]) total += votesEnd[slot] - (slot == 0 ? 0 : votesEnd[slot - 1]);
        double[] x = new double[total];
        int i = 0;
        for (int slot = first[c]; slot >= 0; slot = next[slot]) {
            for (int v = slot == 0 ? 0 : votesEnd[slot - 1]; v < votesEnd[slot]; v++) x[i++] = votes[v] / 2.0;
        }
        return x;
    }

    /** As computed over a list of boxed votes before (DoubleStream's compensated sums), so the values do not move. */
    private static double variance(double[] x) {
        if (x.length == 0) return 0;
        double m = Arrays.stream(x).average().orElse(0);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length;
    }
}
