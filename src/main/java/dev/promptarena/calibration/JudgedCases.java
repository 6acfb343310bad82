package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import java.util.List;

/**
 * A run seen case by case, as the human-corrected win rate needs it: per golden case the judge's tie-half
 * score (the mean over its repeats of the combined verdict's score: B 1, tie or order-dependent ½, A 0) and
 * how unsure the judge was. Cases with no scored verdict are left out, as they are from the judge's win rate.
 *
 * @param ids         case ids in run order
 * @param score       the judge's score per case
 * @param uncertainty per case: the variance of its votes' scores (high when the judge contradicted itself across
 *                    orders, samples or panel members) + 0.03 (a consistent judge can still be wrong)
 *                    + 0.03 × (1 − |mean axis-score gap|) when the judge's 1–5 scores for A and B are within a point
 * @param records     each case's scored records (repeats), read back on demand when built by {@link #of}
 */
public record JudgedCases(List<String> ids, double[] score, double[] uncertainty, List<List<CaseRecord>> records) {
    /** The floor added to every case's uncertainty; the coverage simulation (bench/ppi-coverage.sh) used it. */
    static final double FLOOR = 0.03;

    /**
     * One pass over {@code all} (which streams when it is a run's cases.jsonl): memory keeps per case its id and
     * sums, per scored record its index in {@code all} and its votes as bytes, never the records themselves (issue
     * 21: a million-case run's texts do not fit). {@link #records()} reads a case's records back from {@code all}
     * on demand, as the label sheet and the bias check need them for the few cases drawn or labelled.
     */
    public static JudgedCases of(List<CaseRecord> all) {
        JudgedCasesBuilder b = new JudgedCasesBuilder();
        int k = 0;
        for (CaseRecord r : all) b.add(r, k++);
        return b.build(all);
    }

    public int size() { return ids.size(); }
}
