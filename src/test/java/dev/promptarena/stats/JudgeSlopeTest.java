package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Against statsmodels 0.15.0 (reference/calibrate_slope.py): {@code sm.OLS(human, sm.add_constant(judge)).fit()},
 * {@code params[1]} and {@code conf_int(0.05)[1]}; tolerance 1e-9.
 */
class JudgeSlopeTest {
    @Test
    void slopeAndIntervalMatchStatsmodels() {
        JudgeSlope f = JudgeSlope.of(new double[] {1, 1, 0, 1, 0, 0, 1, 1, 0.5, 1, 0, 1}, new double[] {1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1}, 0.05);
        assertEquals(0.5625000000000002, f.slope(), 1e-9);
        assertEquals(-0.003171425137436512, f.interval().lower(), 1e-9);
        assertEquals(1.1281714251374368, f.interval().upper(), 1e-9);
        JudgeSlope g = JudgeSlope.of(new double[] {1, 0, 1, 0, 1, 1, 0, 0, 1, 0}, new double[] {1, 1, 0, 0, 1, 0, 1, 0, 0, 1}, 0.05);
        assertEquals(-0.20000000000000048, g.slope(), 1e-9);
        assertEquals(-0.9988232649275098, g.interval().lower(), 1e-9);
        assertEquals(0.5988232649275088, g.interval().upper(), 1e-9);
    }

    @Test
    void aJudgeWhoseScoresNeverVaryHasNoSlope() {
        JudgeSlope s = JudgeSlope.of(new double[] {1, 0, 1, 1}, new double[] {1, 1, 1, 1}, 0.05);
        assertTrue(Double.isNaN(s.slope()));
        assertNull(s.interval());
    }
}
