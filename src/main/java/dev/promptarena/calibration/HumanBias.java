package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.WilsonScore;
import dev.promptarena.stats.Winner;

/**
 * Position and length bias measured against human labels: among the judge's decisive votes on cases the humans
 * called decisively (score 0 or 1), the votes that picked the other variant, and how those wrong votes split.
 * A judge whose mistakes are noise splits them evenly between the first and the second slot and between the
 * longer and the shorter output; a share far from 50% says what pulls it. Numbers with Wilson intervals, not a
 * flag: its false-alarm rate has not been measured yet.
 *
 * @param wrongVotes      decisive votes that disagree with the human label
 * @param decisiveVotes   decisive votes on decisively labelled cases
 * @param firstSlot       share of the wrong votes that picked the response shown first, with interval (null without any)
 * @param wrongWithLength wrong votes on pairs whose outputs differ in length (words)
 * @param longer          share of those that picked the longer output, with interval (null without any)
 */
public record HumanBias(int wrongVotes, int decisiveVotes, Double firstSlotShare, Interval firstSlot, int wrongWithLength,
                        Double longerShare, Interval longer) {
    public static HumanBias of(JudgedCases judged, double[] human, double alpha) {
        int wrong = 0, decisive = 0, first = 0, withLength = 0, longer = 0;
        for (int i = 0; i < judged.size(); i++) {
            double y = human[i];
            if (y != 0 && y != 1) continue; // unlabelled (NaN), tie or split labels
            Winner truth = y == 1 ? Winner.B : Winner.A;
            for (CaseRecord r : judged.records().get(i)) {
                int wordsA = r.a().words(), wordsB = r.b().words();
                for (Vote v : r.outcome().votes()) {
                    if (!v.decisive()) continue;
                    decisive++;
                    if (v.winner() == truth) continue;
                    wrong++;
                    if (v.pickedFirst()) first++;
                    if (wordsA != wordsB) {
                        withLength++;
                        if ((v.winner() == Winner.B) == (wordsB > wordsA)) longer++;
                    }
                }
            }
        }
        return new HumanBias(wrong, decisive, wrong == 0 ? null : first / (double) wrong, wrong == 0 ? null : WilsonScore.interval(first, wrong, alpha),
                withLength, withLength == 0 ? null : longer / (double) withLength,
                withLength == 0 ? null : WilsonScore.interval(longer, withLength, alpha));
    }
}
