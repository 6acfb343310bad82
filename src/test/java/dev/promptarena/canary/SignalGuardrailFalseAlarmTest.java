package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.canary.SignalGuardrailSimulation.Reading;
import dev.promptarena.canary.SignalGuardrailSimulation.Setting;
import org.junit.jupiter.api.Test;

/**
 * The task_completed_rate guardrail fed by {@code canary check --signals} (min 0.55, pause, two consecutive windows,
 * 24-window stage; healthy treatment 0.60; turns of one session correlated at 0.2): few seeds, bounds from the 2,000-seed
 * figures of docs/statistics.md 13 ({@code bench/canary-false-alarms.sh}). Seeds are fixed: deterministic.
 */
class SignalGuardrailFalseAlarmTest {
    @Test
    void theStageLimitKeepsItsOnePercentPerWindowAtTheLimitWhenTurnsAreClusteredBySession() {
        // 2,000 seeds at 500 turns, ICC 0.2, a treatment exactly at 0.55: statistics.md 13: 0.89% of windows alert with the design effect, 3.3% read as independent.
        // 100 stages are at most 2,400 windows: Binomial(2400, 0.01) exceeds 40 (1.7%) with probability < 0.001.
        SignalGuardrailSimulation.Rates clustered = SignalGuardrailSimulation.rates(new Setting(500, 0.2, true, 1, Reading.CLUSTERED), 0.55, 100, 7_000_000L);
        assertTrue(clustered.alertPerWindow() <= 0.017, "alerts per window at the limit, design effect used: " + clustered.alertPerWindow());
        assertTrue(clustered.paused() <= 0.02, "paused stages at the limit: " + clustered.paused());
        SignalGuardrailSimulation.Rates independent = SignalGuardrailSimulation.rates(new Setting(500, 0.2, true, 1, Reading.INDEPENDENT), 0.55, 100,
                7_000_000L);
        assertTrue(independent.alertPerWindow() >= 0.025, "why: read as independent turns the same windows alert well above 1%: "
                + independent.alertPerWindow());
        int caught = (int) Math.round(SignalGuardrailSimulation.rates(new Setting(500, 0.2, true, 1, Reading.CLUSTERED), 0.45, 50, 9_000_000L).paused() * 50);
        assertEquals(50, caught, "completion 0.60 -> 0.45 is still paused within the stage");
    }

    @Test
    void smallWindowsKeepTheOnePercentAtTheLimitThoughTheirDesignEffectComesFromFewSessions() {
        // 50, 100 and 200 turns (about 15, 30 and 60 sessions), ICC 0.2, a treatment exactly at 0.55, 300 stages each (at most
        // 21,600 windows). statistics.md 13, 2,000 stages: 1.28%, 1.09%, 1.33% of windows alerted with the normal quantile and
        // the design effect as if known (about 1.23% pooled), at most 0.92% with t on sessions - 1 and the half-turn
        // (about 0.7% pooled). Pooled, the binomial standard error is about 0.07 points: 1% is three of them below the former
        // rate and four above the present one. These seeds: 150 of 21,580 windows (0.70%); 278 of 21,545 (1.29%) without t and half-turn.
        int windows = 0, alerts = 0;
        for (int turns : new int[] {50, 100, 200}) {
            SignalGuardrailSimulation.Rates r = SignalGuardrailSimulation.rates(new Setting(turns, 0.2, true, 1, Reading.CLUSTERED), 0.55, 300,
                    7_000_000L);
            windows += r.checked();
            alerts += r.alerts();
        }
        assertTrue(windows > 20_000, "windows: " + windows);
        assertTrue(alerts <= 0.01 * windows, "alerts per window at the limit, 50-200 turns pooled: " + alerts + " of " + windows);
    }

    @Test
    void minTurnsCountsEffectiveTurnsSoAWindowOfManyMultiTurnSessionsIsNotTakenAtItsRawCount() {
        // 500 turns in sessions of 1-6 turns at ICC 0.2 are worth about 300 independent ones: left out under --min-turns 500.
        SignalGuardrailSimulation.Rates five = SignalGuardrailSimulation.rates(new Setting(500, 0.2, false, 500, Reading.CLUSTERED), 0.60, 100, 6_000_000L);
        assertTrue(five.checkedPerWindow() < 0.01, "windows used at 500 raw turns: " + five.checkedPerWindow());
        assertEquals(0, five.paused(), "an unused window cannot pause");
        // 1,000 raw turns (~600 effective) are used, keep the healthy canary quiet and catch a drop.
        SignalGuardrailSimulation.Rates thousand = SignalGuardrailSimulation.rates(new Setting(1000, 0.2, false, 500, Reading.CLUSTERED), 0.60, 100,
                6_000_000L);
        assertTrue(thousand.checkedPerWindow() > 0.9, "windows used at 1,000 raw turns: " + thousand.checkedPerWindow());
        assertTrue(thousand.paused() <= 0.03, "false pauses per stage: " + thousand.paused());
        assertEquals(1.0, SignalGuardrailSimulation.rates(new Setting(1000, 0.2, false, 500, Reading.CLUSTERED), 0.45, 50, 9_000_000L).paused(),
                "completion 0.60 -> 0.45 is paused within the stage");
    }
}
