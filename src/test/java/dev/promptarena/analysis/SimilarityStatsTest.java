package dev.promptarena.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarityStatsTest {
    private static final double[] A = {0.81, 0.62, 0.74, 0.55, 0.90, 0.68, 0.71, 0.77};
    private static final double[] B = {0.85, 0.60, 0.80, 0.65, 0.91, 0.70, 0.69, 0.83};

    private static Side side(Double sim, boolean error) {
        return new Side("x", 1, 0, 1, error, null, false).withChecks(Map.of(), sim);
    }

    private static CaseOutcome pair(String id, int repeat, Double a, Double b) {
        return new CaseOutcome(id, repeat, Map.of(), side(a, false), side(b, false), List.of(), 0);
    }

    @Test
    void matchesScipyPairedT() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < A.length; i++) outcomes.add(pair("c" + i, 0, A[i], B[i]));
        SimilaritySummary s = SimilarityStats.summarize(outcomes, 0.95);
        // scipy 1.10.1: d = B - A; stats.t.interval(0.95, len(d)-1, loc=d.mean(), scale=stats.sem(d));
        // stats.ttest_rel(B, A).pvalue
        assertEquals(8, s.cases());
        assertEquals(0.031249999999999972, s.meanDiff(), 1e-12);
        assertEquals(-0.0037767539170382655, s.low(), 1e-10);
        assertEquals(0.06627675391703822, s.high(), 1e-10);
        assertEquals(0.07282508291265993, s.pValue(), 1e-10);
        assertEquals(0.7225, s.meanA(), 1e-12);
        assertFalse(s.bWorse());
    }

    @Test
    void repeatsAreAveragedPerCaseAndUnusablePairsSkipped() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < A.length; i++) {
            // Two repeats whose mean is the value above: per-case averaging must give the same result.
            outcomes.add(pair("c" + i, 0, A[i] - 0.01, B[i] + 0.02));
            outcomes.add(pair("c" + i, 1, A[i] + 0.01, B[i] - 0.02));
        }
        outcomes.add(pair("no-reference", 0, null, null));
        outcomes.add(new CaseOutcome("errored", 0, Map.of(), side(0.9, false), side(0.1, true), List.of(), 0));
        SimilaritySummary s = SimilarityStats.summarize(outcomes, 0.95);
        assertEquals(8, s.cases());
        assertEquals(-0.0037767539170382655, s.low(), 1e-10);
        assertEquals(0.06627675391703822, s.high(), 1e-10);
    }

    @Test
    void degenerateInputs() {
        SimilaritySummary none = SimilarityStats.summarize(List.of(), 0.95);
        assertEquals(0, none.cases());
        assertTrue(Double.isNaN(none.meanA()));
        SimilaritySummary one = SimilarityStats.summarize(List.of(pair("a", 0, 0.5, 0.7)), 0.95);
        assertEquals(0.2, one.meanDiff(), 1e-12);
        assertTrue(Double.isNaN(one.low()));
        SimilaritySummary same = SimilarityStats.summarize(List.of(pair("a", 0, 0.5, 0.5), pair("b", 0, 0.6, 0.6)), 0.95);
        assertEquals(0.0, same.low());
        assertEquals(1.0, same.pValue());
    }

    @Test
    void clearDropIsFlagged() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < A.length; i++) outcomes.add(pair("c" + i, 0, A[i], A[i] - 0.2 - 0.01 * i));
        assertTrue(SimilarityStats.summarize(outcomes, 0.95).bWorse());
    }
}
