package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The judge guardrail's false-pause and detection rates at the default {@code --min-scored 20}, few seeds, bounds from
 * the 2,000-seed figures of docs/statistics.md 13 ({@code bench/canary-false-alarms.sh}). Seeds are fixed: deterministic.
 */
class JudgeGuardrailFalseAlarmTest {
    private static int pauses(String axis, int perWindow, double degraded, int seeds, long first) {
        int n = 0;
        for (int s = 0; s < seeds; s++) {
            if (JudgeGuardrailSimulation.judgeStage(JudgeGuardrailSimulation.EXAMPLE_AXES.get(axis), 102, 0.2, perWindow, degraded, 24, first + s)
                    .action() == Action.PAUSE) n++;
        }
        return n;
    }

    @Test
    void twentyScoredTracesPerWindowKeepTheBimodalAxisQuietAndCatchARegression() {
        int quiet20 = pauses("policy_citation", 20, 0, 200, 1), quiet5 = pauses("policy_citation", 5, 0, 200, 1);
        assertTrue(quiet20 <= 4, "false pauses per stage at 20 scored traces per window: " + quiet20 + "/200");
        // Why the minimum: with 5 traces a window the same healthy canary pauses far more often.
        assertTrue(quiet5 >= 5 * Math.max(quiet20, 1), quiet5 + " vs " + quiet20);
        int caught = pauses("policy_citation", 20, 0.5, 100, 10_000);
        assertTrue(caught >= 95, "half the traces scoring 1 is paused within the stage: " + caught + "/100");
    }
}
