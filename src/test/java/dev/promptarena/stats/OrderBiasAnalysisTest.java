package dev.promptarena.stats;

import static dev.promptarena.stats.Fixtures.outcome;
import static dev.promptarena.stats.Fixtures.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected p-values and intervals: reference/analysis.py; counts derived by hand in the comments. */
class OrderBiasAnalysisTest {
    private static final double TOL = 1e-9;

    /** 20 pairs judged in both orders (vote with B first, vote with B second). */
    static List<CaseOutcome> pairs(int copies) {
        List<CaseOutcome> out = new ArrayList<>();
        int id = 0;
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < 10; i++) out.add(outcome("c" + id++, vote(true, Winner.B), vote(false, Winner.B)));      // consistent B
            for (int i = 0; i < 4; i++) out.add(outcome("c" + id++, vote(true, Winner.B), vote(false, Winner.A)));       // first slot twice
            out.add(outcome("c" + id++, vote(true, Winner.A), vote(false, Winner.B)));                                   // second slot twice
            for (int i = 0; i < 2; i++) out.add(outcome("c" + id++, vote(true, Winner.B), vote(false, Winner.TIE)));     // first slot once
            for (int i = 0; i < 3; i++) out.add(outcome("c" + id++, vote(true, Winner.TIE), vote(false, Winner.TIE)));   // consistent tie
        }
        return out;
    }

    @Test
    void countsAndTests() {
        OrderBiasResult r = OrderBiasAnalysis.analyze(JudgedOutcome.of(pairs(1)), 0.05);
        assertEquals("both", r.design());
        assertEquals(32, r.decisiveVotes()); // 20 + 8 + 2 + 2
        assertEquals(20, r.pickedFirst());   // 10 + 8 + 2
        assertEquals(0.625, r.firstShare(), TOL);
        assertEquals(0.21532714972272515, r.firstShareP(), TOL);          // stats.binomtest(20, 32, 0.5).pvalue
        assertEquals(0.4525440735307744, r.firstShareInterval().lower(), TOL); // proportion_confint(20, 32, method="wilson")
        assertEquals(0.770661126905458, r.firstShareInterval().upper(), TOL);
        assertFalse(r.significant());
        assertNull(r.warning());
        assertEquals(0.875, r.winRateBFirst(), TOL);  // (10 + 4 + 2 + 1.5) / 20
        assertEquals(0.675, r.winRateBSecond(), TOL); // (10 + 1 + 2.5) / 20
        assertEquals(20, r.pairs());
        assertEquals(0.65, r.positionConsistency(), TOL);
        assertEquals(0.25, r.flipRate(), TOL);
        assertEquals(7, r.inconsistentPairs());
        assertEquals(6, r.favorFirst());
        assertEquals(1, r.favorSecond());
        assertEquals(5.0 / 7.0, r.preferenceFairness(), TOL);
    }

    @Test
    void moreDataMakesTheBiasSignificant() {
        OrderBiasResult r = OrderBiasAnalysis.analyze(JudgedOutcome.of(pairs(3)), 0.05);
        assertEquals(0.018433352931462543, r.firstShareP(), TOL); // stats.binomtest(60, 96, 0.5).pvalue
        assertTrue(r.significant());
        assertNotNull(r.warning());
        assertTrue(r.warning().contains("both orders"), r.warning());
    }

    @Test
    void fixedOrderAlwaysWarns() {
        List<CaseOutcome> out = List.of(outcome("a", vote(true, Winner.B)), outcome("b", vote(true, Winner.A)));
        OrderBiasResult r = OrderBiasAnalysis.analyze(JudgedOutcome.of(out), 0.05);
        assertEquals("fixed-b-first", r.design());
        assertFalse(r.significant());
        assertNotNull(r.warning());
        assertEquals(0, r.pairs());
        assertNull(r.positionConsistency());
    }
}
