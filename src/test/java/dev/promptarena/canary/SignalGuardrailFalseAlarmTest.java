package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The task_completed_rate guardrail fed by {@code canary check --signals} (min 0.55, pause, two consecutive windows,
 * 24-window stage; healthy treatment 0.60, turns of one session correlated at 0.2): few seeds, bounds from the
 * 2,000-seed figures of docs/statistics.md 13 ({@code bench/canary-false-alarms.sh}). Seeds are fixed: deterministic.
 */
class SignalGuardrailFalseAlarmTest {
    private static int pauses(int turns, double trueRate, double limit, int seeds, long first) {
        return (int) Math.round(SignalGuardrailSimulation.pauseRate(seeds, turns, trueRate, 0.2, limit, first) * seeds);
    }

    @Test
    void fiveHundredTurnsPerWindowKeepAHealthyCanaryQuietAndCatchADrop() {
        // 2,000 seeds: 0.0285 false pauses per stage at 500 turns, 0.514 at 100. Binomial(200, 0.0285): mean 5.7, P(> 14) < 0.001.
        int quiet500 = pauses(500, 0.60, 0.55, 200, 1), quiet100 = pauses(100, 0.60, 0.55, 200, 1);
        assertTrue(quiet500 <= 14, "false pauses per stage at 500 turns per window (the default --min-turns): " + quiet500 + "/200");
        assertTrue(quiet100 >= 70, "why the minimum: at 100 turns the same healthy canary pauses in about half the stages: " + quiet100 + "/200");
        assertEquals(100, pauses(500, 0.45, 0.55, 100, 10_000), "completion 0.60 -> 0.45 is paused within the stage");
    }

    @Test
    void theStageLimitOfCanaryPlanKeepsSmallWindowsQuietAtThePriceOfDetection() {
        double limit = SignalGuardrailSimulation.stageLimit(0.55, 100);
        assertEquals(0.43, limit, 1e-12, "scipy.stats.binom.ppf(0.01, 100, 0.55) / 100 = 43 / 100");
        // 2,000 seeds: 0.0005 false pauses, 0.9145 detection of 0.45 at 100 turns per window.
        assertTrue(pauses(100, 0.60, limit, 200, 1) <= 3, "false pauses with the stage limit at 100 turns per window");
        int caught = pauses(100, 0.45, limit, 100, 10_000);
        assertTrue(caught >= 80 && caught < 100, "0.60 -> 0.45 is caught in most stages, not all: " + caught + "/100");
    }
}
