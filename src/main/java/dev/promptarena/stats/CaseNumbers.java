package dev.promptarena.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The case (cluster) of each outcome as a number, cases numbered 0, 1, ... in order of first appearance: the
 * statistics group repeats of a case with arrays indexed by these numbers instead of maps keyed by case-id strings
 * (issue 21). Over {@link OutcomeColumns} the numbers are read from its column without building the outcomes.
 *
 * @param row   per outcome (list position), its case number, or -1 for an outcome left out by {@link #among}
 * @param count the number of cases
 */
record CaseNumbers(int[] row, int count) {

    /** The case numbers of {@code judged}, in order of first appearance. */
    static CaseNumbers of(List<JudgedOutcome> judged) {
        int[] row = new int[judged.size()];
        if (judged instanceof JudgedOutcomes j && j.outcomes() instanceof OutcomeColumns columns) {
            for (int i = 0; i < row.length; i++) row[i] = columns.cluster(i);
            return new CaseNumbers(row, columns.clusters());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < row.length; i++) {
            row[i] = seen.computeIfAbsent(judged.get(i).outcome().caseId(), k -> seen.size());
        }
        return new CaseNumbers(row, seen.size());
    }

    /**
     * The cases renumbered in order of first appearance among the outcomes {@code include} accepts (by position);
     * the outcomes it rejects get -1. The order is the one a map of case ids filled from those outcomes alone would have.
     */
    CaseNumbers among(IntPredicate include) {
        int[] renumber = new int[count];
        Arrays.fill(renumber, -1);
        int[] out = new int[row.length];
        int n = 0;
        for (int i = 0; i < row.length; i++) {
            if (!include.test(i)) {
                out[i] = -1;
                continue;
            }
            if (renumber[row[i]] < 0) renumber[row[i]] = n++;
            out[i] = renumber[row[i]];
        }
        return new CaseNumbers(out, n);
    }
}
