package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Few seeds, tight bounds; the many-seed figures are in docs/statistics.md (bench/canary-false-alarms.sh).
 * Seeds are fixed, so the outcomes are deterministic; the bounds say what they must be consistent with.
 */
class CanaryFalseAlarmTest {
    @Test
    void srmIsQuietUnderCorrectAssignmentAndFiresOnLoggingLoss() {
        // Expected 0.001 per window: 0 or 1 alarms in 100 windows (P(>=2) = 0.005 under the null).
        assertTrue(CanarySimulation.srmAlarmRate(100, 5_000, 0.05, 0, 11) <= 0.01);
        // 5% of treatment units lost at 100,000 units, 20% split: expected chi-square ~ 40 (p ~ 2e-10); power ~ 0.999.
        assertTrue(CanarySimulation.srmAlarmRate(10, 100_000, 0.20, 0.05, 12) >= 0.9);
    }

    @Test
    void persistenceCutsFalseRollbacksAndStillCatchesARealBreach() {
        int falseOne = 0, falseTwo = 0, caught = 0;
        for (int s = 0; s < 40; s++) {
            // 10,000 units, true error rate half the limit: P(window breaches) = P(Binomial(10^4, 5e-4) > 10) ~ 0.014
            if (CanarySimulation.errorRateStage(24, 10_000, 0.0005, 0.001, 1, s).action() == Action.ROLLBACK) falseOne++;
            if (CanarySimulation.errorRateStage(24, 10_000, 0.0005, 0.001, 2, s).action() == Action.ROLLBACK) falseTwo++;
            CanarySimulation.StageOutcome bad = CanarySimulation.errorRateStage(24, 10_000, 0.003, 0.001, 2, 500 + s);
            if (bad.action() == Action.ROLLBACK && bad.windowsToAction() == 2) caught++;
        }
        assertTrue(falseTwo <= falseOne, falseTwo + " vs " + falseOne);
        assertTrue(falseTwo <= 2, "two-window persistence: ~0.5% per stage expected, got " + falseTwo + "/40");
        assertEquals(40, caught, "3x the limit is rolled back at the second window every time");
    }
}
