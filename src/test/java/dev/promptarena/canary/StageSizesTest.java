package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.SampleSize;
import org.junit.jupiter.api.Test;

class StageSizesTest {
    @Test
    void equalSplitIsThePlanCommandsPerArmSize() {
        // 0.60 -> 0.65 needs 1,471 per arm (background 001; SampleSizeTest pins it against statsmodels)
        assertArrayEquals(new long[] {1471, 2942}, StageSizes.at(0.5, 0.60, 0.05, 0.05, 0.8));
        assertNull(StageSizes.at(1.0, 0.60, 0.05, 0.05, 0.8));
    }

    @Test
    void unequalSplitsKeepTheVarianceOfTheEqualSplit() {
        int n = SampleSize.twoProportions(0.60, 0.05, 0.05, 0.8).perArm();
        for (double f : new double[] {0.01, 0.05, 0.20, 0.50}) {
            long[] s = StageSizes.at(f, 0.60, 0.05, 0.05, 0.8);
            long control = s[1] - s[0];
            double variance = 1.0 / s[0] + 1.0 / control;
            assertTrue(variance <= 2.0 / n + 1e-12, "f=" + f + " variance factor " + variance + " > " + 2.0 / n);
            assertTrue(variance > 2.0 / n * 0.99, "f=" + f + ": not oversized by more than 1%");
            assertTrue(Math.abs((double) s[0] / s[1] - f) < 1e-3, "treatment share " + f);
        }
        assertArrayEquals(new long[] {743, 74300}, StageSizes.at(0.01, 0.60, 0.05, 0.05, 0.8)); // ceil(1471 / 1.98), 743 / 0.01
    }
}
