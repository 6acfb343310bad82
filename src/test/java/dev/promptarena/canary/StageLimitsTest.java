package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact binomial quantiles against scipy (canary.py "stagemax"/"stagemin": stats.binom.ppf); exact fractions, 1e-15. */
class StageLimitsTest {
    private static Guardrail g(String metric, Direction d, double limit) {
        return new Guardrail(metric, d, limit, 2, Response.ROLLBACK, null, "");
    }

    @Test
    void quantilesMatchScipy() {
        List<Guardrail> gs = List.of(g("error_rate", Direction.MAX, 0.001));
        assertEquals(0.004, StageLimits.at(gs, 1000, 0.01).get("error_rate"), 1e-15);
        assertEquals(0.0018, StageLimits.at(gs, 10_000, 0.01).get("error_rate"), 1e-15);
        // The 50% stage of 100,000 units an hour (docs/canary.md): scipy.stats.binom.ppf(0.99, 50000, 0.001) / 50000 = 0.00134.
        assertEquals(0.00134, StageLimits.at(gs, 50_000, 0.01).get("error_rate"), 1e-15);
        assertEquals(0.00124, StageLimits.at(gs, 100_000.7, 0.01).get("error_rate"), 1e-15); // units rounded down
        assertEquals(0.074, StageLimits.at(List.of(g("refusal_rate", Direction.MAX, 0.05)), 500, 0.01).get("refusal_rate"), 1e-15);
        assertEquals(0.877, StageLimits.at(List.of(g("check_policy_pass_rate", Direction.MIN, 0.9)), 1000, 0.01).get("check_policy_pass_rate"), 1e-15);
        assertEquals(0.91, StageLimits.at(List.of(g("task_completed_rate", Direction.MIN, 0.95)), 200, 0.01).get("task_completed_rate"), 1e-15);
    }

    @Test
    void onlyRatesGetStageLimits() {
        Map<String, Double> m = StageLimits.at(List.of(g("latency_p95_ms", Direction.MAX, 3000), g("cost_rate", Direction.MAX, 2.0)), 1000, 0.01);
        assertFalse(m.containsKey("latency_p95_ms"));
        assertFalse(m.containsKey("cost_rate"), "a limit outside (0, 1) is not a rate");
    }

    @Test
    void stageLimitCutsFalseRollbacksAtASmallStage() {
        // 1,000 units per window, true rate 0.0005, 2 consecutive windows: limit 0.001 rolls back 15.8% of stages (bench);
        // the stage limit 0.004 (P(> 4 errors | 0.0005) ~ 1.7e-4 per window) rolls back none of 40.
        int falseAlarms = 0;
        for (int s = 0; s < 40; s++) {
            if (CanarySimulation.errorRateStage(24, 1000, 0.0005, 0.004, 2, s).action() == Action.ROLLBACK) falseAlarms++;
        }
        assertEquals(0, falseAlarms);
    }
}
