package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exact binomial quantiles against scipy (canary.py "stagemax"/"stagemin": stats.binom.ppf); exact fractions, 1e-15. The widening for a
 * design effect estimated from few sessions against stage_limit_sessions.py.
 */
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

    @Test
    void aStageAllowanceWidensWithTheDesignEffectAsTheQuantileAtTheEffectiveCount() {
        Guardrail planned = g("task_completed_rate", Direction.MIN, 0.55);
        Guardrail staged = planned.withLimit(StageLimits.at(List.of(planned), 500, 0.01).get("task_completed_rate")); // 0.498
        // With many sessions t ~ z: the normal approximation of the exact quantile at n / D turns; tolerance 0.003 (about one
        // count in 300, the quantile's step). scipy.stats.binom.ppf(0.01, 300, 0.55) / 300 = 0.48333 (D = 5/3),
        // binom.ppf(0.01, 200, 0.55) / 200 = 0.47 (D = 2.5)
        assertEquals(0.48333, StageLimits.forDesignEffect(planned, staged, new SessionClustering(5 / 3.0, 100_000, 1_000_000)).limit(), 0.003);
        assertEquals(0.47, StageLimits.forDesignEffect(planned, staged, new SessionClustering(2.5, 100_000, 1_000_000)).limit(), 0.003);
        // A maximum widens upwards: refusal_rate max 0.05 at 500 units is 0.074; scipy.stats.binom.ppf(0.99, 250, 0.05) / 250 = 0.084 (D = 2).
        Guardrail refusals = g("refusal_rate", Direction.MAX, 0.05);
        assertEquals(0.084, StageLimits.forDesignEffect(refusals, refusals.withLimit(0.074), new SessionClustering(2, 100_000, 1_000_000)).limit(), 0.003);
    }

    /** stage_limit_sessions.py: L + (stage - L -/+ 0.5 / n) * sqrt(D) * stats.t.ppf(0.99, G - 1) / stats.norm.ppf(0.99); 1e-12. */
    @Test
    void aDesignEffectEstimatedFromFewSessionsWidensTheAllowanceByTheTQuantileOnSessionsMinusOne() {
        assertEquals(1.1281606232997878, StageLimits.smallSampleFactor(15), 1e-12);
        assertEquals(1.0278896221371305, StageLimits.smallSampleFactor(60), 1e-12);
        assertEquals(1.0032222694207498, StageLimits.smallSampleFactor(500), 1e-12);
        assertEquals(13.678313681651595, StageLimits.smallSampleFactor(2), 1e-12);
        Guardrail planned = g("task_completed_rate", Direction.MIN, 0.55);
        assertEquals(0.48029659014392595, StageLimits.forDesignEffect(planned, planned.withLimit(0.498), new SessionClustering(1.69, 140, 500)).limit(), 1e-12);
        assertEquals(0.28757713175792565, StageLimits.forDesignEffect(planned, planned.withLimit(0.38), new SessionClustering(1.67, 15, 50)).limit(), 1e-12);
        Guardrail refusals = g("refusal_rate", Direction.MAX, 0.05);
        assertEquals(0.08852186927259548, StageLimits.forDesignEffect(refusals, refusals.withLimit(0.074), new SessionClustering(2, 60, 200)).limit(), 1e-12);
        assertEquals(0, StageLimits.forDesignEffect(planned, planned.withLimit(0.38), new SessionClustering(1.67, 1, 4)).limit(), 0,
                "one session: no spread between sessions to estimate, no evidence against the limit");
        assertEquals(1, StageLimits.forDesignEffect(refusals, refusals.withLimit(0.074), new SessionClustering(3, 1, 3)).limit(), 0);
    }

    @Test
    void withoutADesignEffectAndWithManySessionsTheWidenedLimitAlertsOnTheStageLimitsOwnCounts() {
        // 500 turns, stage limit 0.498 = 249/500 (alert when k <= 248): the midpoint 0.497 = 248.5/500 alerts on the same counts.
        Guardrail planned = g("task_completed_rate", Direction.MIN, 0.55);
        double limit = StageLimits.forDesignEffect(planned, planned.withLimit(0.498), new SessionClustering(1, 500, 500)).limit();
        assertTrue(planned.direction().breached(248 / 500.0, limit), "248 of 500 alerts: " + limit);
        assertFalse(planned.direction().breached(249 / 500.0, limit), "249 of 500 holds: " + limit);
    }

    @Test
    void whatIsNotANoiseAllowanceIsKept() {
        Guardrail planned = g("task_completed_rate", Direction.MIN, 0.55);
        assertEquals(0.498, StageLimits.forDesignEffect(planned, planned.withLimit(0.498), null).limit(), 0, "independent units: the plan as written");
        SessionClustering two = new SessionClustering(2, 100, 300);
        assertEquals(0.55, StageLimits.forDesignEffect(planned, planned, two).limit(), 0, "no stage limit: the plan's limit holds");
        assertEquals(0.6, StageLimits.forDesignEffect(planned, planned.withLimit(0.6), two).limit(), 0, "a stricter stage limit is not an allowance");
        Guardrail latency = g("latency_p95_ms", Direction.MAX, 3000);
        assertEquals(3500, StageLimits.forDesignEffect(latency, latency.withLimit(3500), two).limit(), 0, "not a rate");
        assertEquals(0, StageLimits.forDesignEffect(planned, planned.withLimit(0.1), new SessionClustering(100, 100, 300)).limit(), 0, "clamped to [0, 1]");
    }
}
