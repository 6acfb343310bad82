package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected percentiles: reference/analysis.py, {@code np.percentile(lat, 95)} (type 7, linear). */
class OperationalAnalysisTest {
    private static final double TOL = 1e-9;

    @Test
    void guardrailInputs() {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Side a = new Side("w ".repeat(10).strip(), 100 + (i * 97) % 400, 0.002, 10, false, null, false);
            Side b = new Side("w ".repeat(12).strip(), 150 + (i * 89) % 500, 0.003, 12, false, null, i < 3);
            out.add(new CaseOutcome("c" + i, 0, Map.of(), a, b,
                    List.of(Fixtures.vote(true, i < 2 ? Winner.UNPARSEABLE : Winner.B), Fixtures.vote(false, Winner.B)), 0.01));
        }
        out.add(new CaseOutcome("err", 0, Map.of(), Fixtures.side(10), Fixtures.failed(), List.of(), 0));
        OperationalMetrics m = OperationalAnalysis.analyze(JudgedOutcome.of(out), List.of());
        assertEquals(470.59999999999997, m.latencyP95A(), TOL); // np.percentile(latA, 95)
        assertEquals(619.55, m.latencyP95B(), TOL);             // np.percentile(latB, 95)
        assertEquals(619.55 - 470.59999999999997, m.latencyP95Increase(), TOL);
        assertEquals(1.0 / 31, m.errorRate(), TOL);
        assertEquals(60, m.votes());
        assertEquals(2.0 / 60, m.unparseableRate(), TOL);
        assertEquals(0, m.unparseableOutcomes());
        assertEquals(0.2, m.lengthGrowth(), TOL);               // 12 / 10 - 1 (the failed side has no output)
        assertEquals(3.0 / 30, m.truncationRateB(), TOL);
        // B: 30 x 0.003 + a failed call costing 0; A: 30 x 0.002 + 0.001 (Fixtures.side); both over 31 outcomes
        assertEquals((30 * 0.003) / 31 - (30 * 0.002 + 0.001) / 31, m.costPerCaseIncrease(), TOL);
        assertEquals(0.30, m.judgeCostUsd(), TOL);
        assertNull(m.largestAxisDrop());
    }
}
