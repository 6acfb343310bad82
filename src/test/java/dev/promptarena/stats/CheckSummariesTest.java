package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckSummariesTest {
    private static Side side(Boolean pass) {
        Map<String, Boolean> checks = pass == null ? Map.of() : Map.of("json", pass);
        return new Side("x", 1, 0, 1, false, null, false).withChecks(checks, null);
    }

    private static CaseOutcome pair(String id, int repeat, Boolean a, Boolean b) {
        return new CaseOutcome(id, repeat, Map.of(), side(a), side(b), List.of(), 0);
    }

    @Test
    void countsPairsAndUsesExactTest() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < 5; k++) outcomes.add(pair("c" + i++, 0, true, true));
        for (int k = 0; k < 3; k++) outcomes.add(pair("c" + i++, 0, true, false));
        for (int k = 0; k < 9; k++) outcomes.add(pair("c" + i++, 0, false, true));
        for (int k = 0; k < 4; k++) outcomes.add(pair("c" + i++, 0, false, false));
        List<CheckSummary> all = CheckSummaries.summarize(outcomes);
        assertEquals(1, all.size());
        CheckSummary s = all.get(0);
        assertEquals("json", s.name());
        assertEquals(21, s.pairs());
        assertEquals(8, s.passA());
        assertEquals(14, s.passB());
        assertEquals(3, s.aOnly());
        assertEquals(9, s.bOnly());
        assertEquals(8.0 / 21, s.passRateA(), 1e-15);
        assertEquals(6.0 / 21, s.difference(), 1e-15);
        // statsmodels mcnemar([[5, 3], [9, 4]], exact=True).pvalue
        assertEquals(0.14599609375, s.pValue(), 1e-12);
        assertFalse(s.clustered());
    }

    @Test
    void skipsErroredSidesAndChecksThatDidNotApply() {
        Side failed = new Side("", 1, 0, 0, true, "timeout", false).withChecks(Map.of("json", false), null);
        List<CaseOutcome> outcomes = List.of(
                pair("a", 0, true, false),
                new CaseOutcome("b", 0, Map.of(), side(true), failed, List.of(), 0),
                pair("c", 0, null, true));
        CheckSummary s = CheckSummaries.summarize("json", outcomes);
        assertEquals(1, s.pairs());
        assertEquals(1, s.aOnly());
        assertEquals(1.0, s.pValue());
    }

    @Test
    void repeatsSwitchToTheClusteredTest() {
        List<CaseOutcome> outcomes = List.of(
                pair("a", 0, true, false), pair("a", 1, true, false),
                pair("b", 0, false, true), pair("b", 1, true, true),
                pair("c", 0, false, true), pair("c", 1, false, true));
        CheckSummary s = CheckSummaries.summarize("json", outcomes);
        assertTrue(s.clustered());
        assertEquals(6, s.pairs());
        // d = [2, -1, -2]: x = 1 / 9; scipy.stats.chi2.sf(1/9, 1)
        assertEquals(0.7388826803635273, s.pValue(), 1e-12);
        assertEquals(s.pValue(), s.midP());
    }

    @Test
    void noOutcomesGiveNoSummaries() {
        assertTrue(CheckSummaries.summarize(List.of()).isEmpty());
        CheckSummary empty = CheckSummaries.summarize("json", List.of());
        assertEquals(0, empty.pairs());
        assertTrue(Double.isNaN(empty.passRateA()));
    }
}
