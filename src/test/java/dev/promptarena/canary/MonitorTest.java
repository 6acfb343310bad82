package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitor's state machine, window by window. */
class MonitorTest {
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    /** The background document's thresholds (001, ExperimentGuardrails example). */
    static CanaryPlan documentPlan(List<Stage> stages) {
        return new CanaryPlan("exp", BucketingScheme.USER, "user_id", "exp", "control", "treatment", SampleRatio.DEFAULT_ALPHA, List.of(
                new Guardrail("latency_p95_ms", Direction.MAX, 3000, 2, Response.PAUSE, "pause exposure", ""),
                new Guardrail("error_rate", Direction.MAX, 0.001, 2, Response.ROLLBACK, "rollback treatment", ""),
                new Guardrail("cost_per_session_usd", Direction.MAX, 0.08, 2, Response.REVIEW, "review spend", "")), stages, Map.of());
    }

    static Window window(int hourFrom, int hourTo, Long controlUnits, Long treatmentUnits, Map<String, Double> treatment) {
        Map<String, Window.VariantMetrics> v = new LinkedHashMap<>();
        v.put("control", new Window.VariantMetrics(controlUnits, Map.of()));
        v.put("treatment", new Window.VariantMetrics(treatmentUnits, treatment));
        return new Window(T0.plusSeconds(3600L * hourFrom), T0.plusSeconds(3600L * hourTo), v, 2);
    }

    static Map<String, Double> metrics(double latency, double errors, double cost) {
        return Map.of("latency_p95_ms", latency, "error_rate", errors, "cost_per_session_usd", cost);
    }

    @Test
    void reproducesTheDocumentsWorkedExample() {
        CanaryPlan plan = documentPlan(List.of(new Stage(1, 2, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)));
        Monitor.Step w1 = Monitor.step(plan, MonitorState.initial(), window(0, 1, null, null, metrics(3300, 0.002, 0.09)));
        // "alert latency_p95_ms: streak=1" ... "window 1 actions: []"
        assertEquals(3, w1.alerts().size());
        assertTrue(w1.alerts().get(0).startsWith("alert latency_p95_ms: streak=1"), w1.alerts().toString());
        assertTrue(w1.alerts().get(1).startsWith("alert error_rate: streak=1"));
        assertTrue(w1.alerts().get(2).startsWith("alert cost_per_session_usd: streak=1"));
        assertEquals(List.of(), w1.actions());
        assertEquals(Action.HOLD, w1.action());
        assertEquals(MonitorState.Status.RUNNING, w1.next().status());

        Monitor.Step w2 = Monitor.step(plan, w1.next(), window(1, 2, null, null, metrics(3400, 0.003, 0.091)));
        assertTrue(w2.alerts().get(1).startsWith("alert error_rate: streak=2"));
        assertEquals(List.of("pause exposure: latency_p95_ms", "rollback treatment: error_rate", "review spend: cost_per_session_usd"), w2.actions());
        assertEquals(Action.ROLLBACK, w2.action()); // rollback wins
        assertEquals(MonitorState.Status.ROLLED_BACK, w2.next().status());
        assertThrows(IllegalStateException.class, () -> Monitor.step(plan, w2.next(), window(2, 3, null, null, metrics(1, 0, 0))));
    }

    @Test
    void oneBadWindowOnlyAlertsAndAHeldWindowResetsTheStreak() {
        CanaryPlan plan = documentPlan(List.of(new Stage(5, 3, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)));
        Monitor.Step a = Monitor.step(plan, MonitorState.initial(), window(0, 1, null, null, metrics(2000, 0.002, 0.05)));
        assertEquals(Action.HOLD, a.action());
        assertEquals(1, a.next().streaks().get("error_rate"));
        Monitor.Step b = Monitor.step(plan, a.next(), window(1, 2, null, null, metrics(2000, 0.0005, 0.05)));
        assertEquals(0, b.next().streaks().get("error_rate"));
        assertEquals(Action.HOLD, b.action(), "2 h < 3 h minimum");
        // held every limit and the stage has run 3 h: advance to 100%, streaks reset
        Monitor.Step c = Monitor.step(plan, b.next(), window(2, 3, null, null, metrics(2000, 0.0005, 0.05)));
        assertEquals(Action.ADVANCE, c.action());
        assertEquals(1, c.next().stage());
        assertEquals(T0.plusSeconds(3 * 3600), c.next().stageStart());
        assertTrue(c.next().streaks().isEmpty());
        Monitor.Step d = Monitor.step(plan, c.next(), window(3, 4, null, null, metrics(2000, 0.0005, 0.05)));
        assertEquals(Action.ADVANCE, d.action());
        assertEquals(MonitorState.Status.COMPLETE, d.next().status());
    }

    @Test
    void holdsUntilTheMinimumDurationAndPausesOnASustainedPauseLimitOnly() {
        CanaryPlan plan = documentPlan(List.of(new Stage(1, 2, Map.of("latency_p95_ms", 5000.0), null, null), new Stage(100, 0, Map.of(), null, null)));
        Monitor.Step a = Monitor.step(plan, MonitorState.initial(), window(0, 1, null, null, metrics(4000, 0, 0.01)));
        assertEquals(Action.HOLD, a.action(), "stage override 5000 ms holds 4000 ms; 1 h < 2 h minimum");
        assertTrue(a.alerts().isEmpty());
        assertTrue(a.next().reason().contains("1.0 h of its 2 h"), a.next().reason());
        Monitor.Step b = Monitor.step(plan, a.next(), window(1, 2, null, null, metrics(5100, 0, 0.01)));
        Monitor.Step c = Monitor.step(plan, b.next(), window(2, 3, null, null, metrics(5200, 0, 0.01)));
        assertEquals(Action.HOLD, b.action());
        assertEquals(Action.PAUSE, c.action());
        assertEquals(List.of("pause exposure: latency_p95_ms"), c.actions());
        assertEquals(MonitorState.Status.PAUSED, c.next().status());
    }

    @Test
    void reviewHoldsWhileTheBreachPersistsAndMissingValuesKeepTheStreak() {
        CanaryPlan plan = documentPlan(List.of(new Stage(20, 0, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)));
        MonitorState s = MonitorState.initial();
        for (int h = 0; h < 3; h++) {
            Monitor.Step step = Monitor.step(plan, s, window(h, h + 1, null, null, metrics(100, 0, 0.2)));
            assertEquals(Action.HOLD, step.action());
            if (h >= 1) assertEquals(List.of("review spend: cost_per_session_usd"), step.actions(), "window " + (h + 1));
            s = step.next();
        }
        Monitor.Step missing = Monitor.step(plan, s, window(3, 4, null, null, Map.of("latency_p95_ms", 100.0, "error_rate", 0.0)));
        assertEquals(3, missing.next().streaks().get("cost_per_session_usd"));
        assertEquals(Action.HOLD, missing.action(), "an unmeasured metric with a live streak does not count as held");
    }

    @Test
    void aGuardrailNoWindowOfTheStageCarriedHoldsTheStageInsteadOfBeingSkipped() {
        // QA: a metric missing from every window only noted "missing: streak unchanged" and the rollout completed
        // without that guardrail ever being checked.
        CanaryPlan plan = documentPlan(List.of(new Stage(1, 0, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)));
        Map<String, Double> noCost = Map.of("latency_p95_ms", 100.0, "error_rate", 0.0);
        MonitorState s = MonitorState.initial();
        for (int h = 0; h < 3; h++) {
            Monitor.Step step = Monitor.step(plan, s, window(h, h + 1, null, null, noCost));
            assertEquals(Action.HOLD, step.action(), "window " + (h + 1));
            assertEquals(0, step.next().stage());
            assertEquals("no window of stage 1% carried cost_per_session_usd: its guardrail was never checked in this stage, hold "
                    + "(export the metric or remove the guardrail from the plan)", step.next().reason());
            assertTrue(step.notes().contains("cost_per_session_usd missing: no window of this stage has carried it yet, so the stage cannot advance"),
                    step.notes().toString());
            s = step.next();
        }
        // One window carrying it (within its limit) is enough: the stage advances, and the next stage needs its own.
        Monitor.Step carried = Monitor.step(plan, s, window(3, 4, null, null, metrics(100, 0, 0.01)));
        assertEquals(Action.ADVANCE, carried.action());
        Monitor.Step last = Monitor.step(plan, carried.next(), window(4, 5, null, null, Map.of("latency_p95_ms", 100.0)));
        assertEquals(Action.HOLD, last.action(), "the 100% stage cannot complete unchecked either");
        assertEquals(MonitorState.Status.RUNNING, last.next().status());
        assertTrue(last.next().reason().startsWith("no window of stage 100% carried error_rate, cost_per_session_usd: their guardrails were"),
                last.next().reason());
    }

    @Test
    void aMetricMissingFromSomeWindowsOfTheStageKeepsTheStreakRule() {
        CanaryPlan plan = documentPlan(List.of(new Stage(1, 2, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)));
        Monitor.Step a = Monitor.step(plan, MonitorState.initial(), window(0, 1, null, null, metrics(100, 0, 0.01)));
        Monitor.Step b = Monitor.step(plan, a.next(), window(1, 2, null, null, Map.of("latency_p95_ms", 100.0, "error_rate", 0.0)));
        assertTrue(b.notes().contains("cost_per_session_usd missing: streak unchanged"), b.notes().toString());
        assertEquals(Action.ADVANCE, b.action(), "measured and held in window 1, streak 0: " + b.next().reason());
    }

    @Test
    void sampleRatioMismatchPausesAndAConsistentSplitDoesNot() {
        CanaryPlan plan = documentPlan(List.of(new Stage(1, 0, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)));
        // canary.py: chisquare([9810, 190], f_exp=[9900, 100]) p = 1.49e-19
        Monitor.Step bad = Monitor.step(plan, MonitorState.initial(), window(0, 1, 9810L, 190L, metrics(100, 0, 0.01)));
        assertNotNull(bad.srm());
        assertEquals(1.4919966396986922e-19, bad.srm().p(), 1e-27);
        assertEquals(Action.PAUSE, bad.action());
        assertTrue(bad.actions().get(0).startsWith("pause exposure: sample ratio mismatch"), bad.actions().toString());
        Monitor.Step ok = Monitor.step(plan, MonitorState.initial(), window(0, 1, 9895L, 105L, metrics(100, 0, 0.01)));
        assertEquals(Action.ADVANCE, ok.action());
    }

    /** A signal rate's design effect (from --signals) widens the stage limit's allowance; the export's own rates keep theirs. */
    @Test
    void aSignalRatesDesignEffectWidensItsStageLimit() {
        CanaryPlan plan = new CanaryPlan("exp", BucketingScheme.USER, "user_id", "exp", "control", "treatment", SampleRatio.DEFAULT_ALPHA,
                List.of(new Guardrail("task_completed_rate", Direction.MIN, 0.55, 1, Response.PAUSE, null, "")),
                List.of(new Stage(1, 0, Map.of("task_completed_rate", 0.498), null, null), new Stage(100, 0, Map.of(), null, null)), Map.of());
        Map<String, Window.VariantMetrics> clustered = new LinkedHashMap<>();
        clustered.put("treatment", new Window.VariantMetrics(null, Map.of("task_completed_rate", 0.49), Map.of("task_completed_rate", new SessionClustering(1.69, 140, 500))));
        Window w = new Window(T0, T0.plusSeconds(3600), clustered, 2);
        // 0.55 - (0.052 + 0.5 / 500) * 1.3 * t(0.99; 139) / z(0.99) = 0.4803 (stage_limit_sessions.py): 0.49 is within the noise of 500 turns worth 296 independent ones
        Monitor.Step held = Monitor.step(plan, MonitorState.initial(), w);
        assertEquals(List.of(), held.alerts());
        assertEquals(Action.ADVANCE, held.action());

        Map<String, Window.VariantMetrics> lower = new LinkedHashMap<>();
        lower.put("treatment", new Window.VariantMetrics(null, Map.of("task_completed_rate", 0.47), Map.of("task_completed_rate", new SessionClustering(1.69, 140, 500))));
        Monitor.Step paused = Monitor.step(plan, MonitorState.initial(), new Window(T0, T0.plusSeconds(3600), lower, 2));
        assertEquals(List.of("alert task_completed_rate: streak=1 (0.47 < limit 0.4803: stage limit 0.498 widened for design effect 1.69 of turns"
                + " clustered in 140 sessions)"), paused.alerts());
        assertEquals(Action.PAUSE, paused.action());

        // A design effect whose root is irrational: the widened limit 0.484331620... (stage_limit_sessions.py) is shown to four digits.
        Map<String, Window.VariantMetrics> irrational = new LinkedHashMap<>();
        irrational.put("treatment", new Window.VariantMetrics(null, Map.of("task_completed_rate", 0.47), Map.of("task_completed_rate", new SessionClustering(1.5, 140, 500))));
        assertEquals(List.of("alert task_completed_rate: streak=1 (0.47 < limit 0.4843: stage limit 0.498 widened for design effect 1.50 of turns"
                + " clustered in 140 sessions)"), Monitor.step(plan, MonitorState.initial(), new Window(T0, T0.plusSeconds(3600), irrational, 2)).alerts());

        Monitor.Step independent = Monitor.step(plan, MonitorState.initial(), window(0, 1, null, null, Map.of("task_completed_rate", 0.49)));
        assertEquals(Action.PAUSE, independent.action(), "without session clustering the plan's stage limit 0.498 applies as written");
    }
}
