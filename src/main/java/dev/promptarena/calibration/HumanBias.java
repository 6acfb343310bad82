package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.ErrorSplit;
import dev.promptarena.stats.ExploratoryFamily;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.List;

/**
 * Position and length bias measured against human labels: among the judge's decisive votes on cases the humans
 * called decisively (score 0 or 1), the votes that picked the other variant, and whether those mistakes lean to the
 * first slot or to the longer output more than a judge whose mistakes are noise would ({@link ErrorSplit}: Fisher's
 * exact test, votes clustered by case). The two tests are one family: a split is called biased only when its p,
 * Holm-adjusted over the two, is below alpha. Read one by one, with a Wilson interval against 50%, the splits named a
 * noise judge in 12–16% of runs judged in both orders, 40% with three samples and, when humans preferred the longer
 * answer, up to 64% (docs/statistics.md 19.5).
 *
 * @param wrongVotes    decisive votes that disagree with the human label
 * @param decisiveVotes decisive votes on decisively labelled cases
 * @param firstSlot     the wrong votes split by slot: the position under test is the response shown first
 * @param longer        the wrong votes split by length, over the votes on pairs whose outputs differ in length
 *                      (words): the position under test is the longer output
 */
public record HumanBias(int wrongVotes, int decisiveVotes, Split firstSlot, Split longer) {
    /**
     * One split with its place in the family.
     *
     * @param test   the counts and the unadjusted test
     * @param pHolm  its p Holm-adjusted over the splits that could be tested; null when it could not (no wrong votes)
     * @param biased {@code pHolm} below alpha
     */
    public record Split(ErrorSplit test, Double pHolm, boolean biased) {}

    public static HumanBias of(JudgedCases judged, double[] human, double alpha) {
        Counts slot = new Counts(), length = new Counts();
        int wrong = 0, decisive = 0;
        for (int i = 0; i < judged.size(); i++) {
            double y = human[i];
            if (y != 0 && y != 1) continue; // unlabelled (NaN), tie or split labels
            Winner truth = y == 1 ? Winner.B : Winner.A;
            slot.startCase();
            length.startCase();
            for (CaseRecord r : judged.records().get(i)) {
                int wordsA = r.a().words(), wordsB = r.b().words();
                for (Vote v : r.outcome().votes()) {
                    if (!v.decisive()) continue;
                    decisive++;
                    boolean isWrong = v.winner() != truth;
                    if (isWrong) wrong++;
                    // The answer the humans passed over is B when they chose A.
                    boolean passedOverIsB = truth == Winner.A;
                    slot.add(passedOverIsB == v.bFirst(), isWrong);
                    if (wordsA != wordsB) length.add(passedOverIsB == (wordsB > wordsA), isWrong);
                }
            }
        }
        ErrorSplit s = slot.split(), l = length.split();
        ExploratoryFamily family = ExploratoryFamily.of(alpha, s.p(), l.p());
        return new HumanBias(wrong, decisive, new Split(s, family.adjusted(0), family.keeps(0)), new Split(l, family.adjusted(1), family.keeps(1)));
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
}
