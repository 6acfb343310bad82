package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.ErrorSplit;
import dev.promptarena.stats.ExploratoryFamily;
import dev.promptarena.stats.OrderBiasAnalysis;
import dev.promptarena.stats.OrderPairSplit;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Position and length bias measured against human labels: among the judge's decisive votes on cases the humans
 * called decisively (score 0 or 1), the votes that picked the other variant, and whether those mistakes lean to the
 * first slot or to the longer output more than a judge whose mistakes are noise would. A panel's votes are pooled
 * (every member's votes on a case are that case's votes, clustered by case like samples); the reference judge is shown
 * no order, so its votes count for length but not for the slot. A case the humans called a tie, or on which
 * labellers disagreed, has no answer the humans passed over: it is left out and counted in {@code casesLeftOut}.
 *
 * <p>The length split is Fisher's exact test with votes clustered by case ({@link ErrorSplit}). The slot split is the
 * same test unless most of its votes come in order pairs (the run judged in both orders): then it is the paired test of
 * {@link OrderPairSplit}, which the clustered Fisher test, floored at a design effect of 1, made conservative (about
 * 0% false alarms and less power, docs/statistics.md 19.5). The two splits are one family: a split is called biased
 * only when its p, Holm-adjusted over the two, is below alpha.
 *
 * @param wrongVotes    decisive votes that disagree with the human label
 * @param decisiveVotes decisive votes on decisively labelled cases
 * @param casesLeftOut  labelled cases left out because their human score is a tie or a split (neither 0 nor 1)
 * @param firstSlot     the wrong votes split by slot: the position under test is the response shown first
 * @param longer        the wrong votes split by length, over the votes on pairs whose outputs differ in length
 *                      (words): the position under test is the longer output
 */
public record HumanBias(int wrongVotes, int decisiveVotes, int casesLeftOut, Split firstSlot, Split longer) {
    /**
     * One split with its place in the family.
     *
     * @param test       the counts and the clustered Fisher test
     * @param pairedTest the order-pair test, when it is the split's test (slot, most votes in order pairs); else null
     * @param pHolm      the split's p Holm-adjusted over the splits that could be tested; null when it could not
     * @param biased     {@code pHolm} below alpha
     */
    public record Split(ErrorSplit test, OrderPairSplit pairedTest, Double pHolm, boolean biased) {
        /** The p of the split's own test: the paired test's when there is one. */
        public Double p() { return pairedTest != null ? Double.valueOf(pairedTest.p()) : test.p(); }
    }

    public static HumanBias of(JudgedCases judged, double[] human, double alpha) {
        Counts slot = new Counts(), length = new Counts();
        Pairs pairs = new Pairs();
        int wrong = 0, decisive = 0, leftOut = 0;
        for (int i = 0; i < judged.size(); i++) {
            double y = human[i];
            if (Double.isNaN(y)) continue;
            if (y != 0 && y != 1) { leftOut++; continue; }
            Winner truth = y == 1 ? Winner.B : Winner.A;
            // The answer the humans passed over is B when they chose A.
            boolean passedOverIsB = truth == Winner.A;
            slot.startCase();
            length.startCase();
            pairs.startCase();
            for (CaseRecord r : judged.records().get(i)) {
                int wordsA = r.a().words(), wordsB = r.b().words();
                Map<String, boolean[]> orderPairs = new LinkedHashMap<>();
                for (Vote v : r.outcome().votes()) {
                    if (!v.decisive()) continue;
                    decisive++;
                    boolean isWrong = v.winner() != truth;
                    if (isWrong) wrong++;
                    if (wordsA != wordsB) length.add(passedOverIsB == (wordsB > wordsA), isWrong);
                    if (OrderBiasAnalysis.REFERENCE_JUDGE.equals(v.judge())) continue;
                    boolean passedOverFirst = passedOverIsB == v.bFirst();
                    slot.add(passedOverFirst, isWrong);
                    pairs.add(orderPairs, v.judge() + "\u0000" + v.sample(), passedOverFirst, isWrong);
                }
                pairs.close(orderPairs);
            }
        }
        ErrorSplit s = slot.split(), l = length.split();
        OrderPairSplit paired = 2 * pairs.votes >= s.votes() && pairs.votes > 0 ? pairs.split() : null;
        Double slotP = paired != null ? Double.valueOf(paired.p()) : s.p();
        ExploratoryFamily family = ExploratoryFamily.of(alpha, s.wrong() == 0 ? null : slotP, l.p());
        return new HumanBias(wrong, decisive, leftOut, new Split(s, paired, family.adjusted(0), family.keeps(0)),
                new Split(l, null, family.adjusted(1), family.keeps(1)));
    }

    /** Per labelled case, the four cells of (position or not) × (wrong or right). */
    private static final class Counts {
        private final List<int[]> cases = new ArrayList<>();

        void startCase() { cases.add(new int[4]); }

        void add(boolean position, boolean wrong) { cases.get(cases.size() - 1)[(position ? 0 : 2) + (wrong ? 0 : 1)]++; }

        ErrorSplit split() {
            // Cases without a vote here (equal lengths, no decisive vote) are no cluster: K counts the cases that voted.
            List<int[]> voted = cases.stream().filter(c -> c[0] + c[1] + c[2] + c[3] > 0).toList();
            int n = voted.size();
            int[][] cells = new int[4][n];
            for (int k = 0; k < n; k++) for (int j = 0; j < 4; j++) cells[j][k] = voted.get(k)[j];
            return ErrorSplit.of(cells[0], cells[1], cells[2], cells[3]);
        }
    }

    /**
     * Per labelled case, its order pairs: the decisive votes of one judge and sample in one record (repeat), one with the
     * passed-over answer first and one with it second. A vote whose partner is missing (a tie, an unreadable reply, a
     * run judged in one order) makes no pair.
     */
    private static final class Pairs {
        private final List<int[]> cases = new ArrayList<>(); // wrong only first, wrong only second, pairs
        private int votes;

        void startCase() { cases.add(new int[3]); }

        /** Slot 0/1: a vote with the passed-over answer first / second, each as {seen, wrong}. */
        void add(Map<String, boolean[]> open, String key, boolean passedOverFirst, boolean wrong) {
            boolean[] p = open.computeIfAbsent(key, k -> new boolean[5]);
            int at = passedOverFirst ? 0 : 2;
            if (p[at]) { p[4] = true; return; } // a second vote in one slot: not a pair this test can read
            p[at] = true;
            p[at + 1] = wrong;
        }

        void close(Map<String, boolean[]> open) {
            int[] c = cases.get(cases.size() - 1);
            for (boolean[] p : open.values()) {
                if (!p[0] || !p[2] || p[4]) continue;
                c[2]++;
                votes += 2;
                if (p[1] && !p[3]) c[0]++;
                else if (p[3] && !p[1]) c[1]++;
            }
        }

        OrderPairSplit split() {
            int n = cases.size();
            int[] first = new int[n], second = new int[n], count = new int[n];
            for (int k = 0; k < n; k++) {
                first[k] = cases.get(k)[0];
                second[k] = cases.get(k)[1];
                count[k] = cases.get(k)[2];
            }
            return OrderPairSplit.of(first, second, count);
        }
    }
}
