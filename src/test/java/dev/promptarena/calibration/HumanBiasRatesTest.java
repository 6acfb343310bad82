package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.calibration.BiasSplitSimulation.Setting;
import org.junit.jupiter.api.Test;

/**
 * How often {@code calibrate} calls the judge's mistakes position- or length-biased, under simulated judges of known
 * behaviour through the calibrate code path ({@link BiasSplitSimulation}, 400 cases; 200 runs per setting here, the
 * sweep is {@code bench/calibrate-bias-split.sh}, docs/statistics.md 19.5). Each null bound is one the reading before
 * this session (the share's Wilson interval, split by split, excludes 50%) fails; its rates are in the comments
 * (2,000-run sweep).
 */
class HumanBiasRatesTest {
    private static final int RUNS = 200;
    /** α = 5% plus about 1.5 binomial standard errors at 200 runs. */
    private static final double NULL_BOUND = 0.065;

    private static double[] rates(Setting s, int labels) { return BiasSplitSimulation.rates(s, labels, RUNS, 1); }

    @Test
    void noiseJudgedInBothOrdersIsNotCalledBiased() {
        // A case the judge misreads it gets wrong in both orders, for the same answer: counted as independent votes the
        // length split named this judge in 15% of runs.
        double[] r = rates(new Setting(BiasSplitSimulation.NOISE_25, true, 0.5), 100);
        assertTrue(r[2] <= NULL_BOUND, "slot or length flagged for a noise judge: " + r[2]);
        // Three samples, one order per case: the three votes of a misread case are wrong alike; the old reading 40%.
        double[] samples = rates(new Setting(BiasSplitSimulation.NOISE_25, false, 3, 0.5), 100);
        assertTrue(samples[2] <= NULL_BOUND, "slot or length flagged for a noise judge sampled three times: " + samples[2]);
    }

    @Test
    void noiseIsNotCalledLengthBiasWhenHumansPreferTheLongerAnswer() {
        // Humans pick the longer answer in 65% of cases, so a judge erring at random picks the longer in about 35% of its
        // mistakes: measured against 50%, 36% of runs at 100 labels (62% at 200) called it biased.
        double[] r = rates(new Setting(BiasSplitSimulation.NOISE_25, false, 0.65), 100);
        assertTrue(r[2] <= NULL_BOUND, "slot or length flagged for a noise judge: " + r[2]);
    }

    @Test
    void aPositionBiasIsNamedAndNotTakenForLength() {
        double[] r = rates(new Setting(BiasSplitSimulation.POSITION, true, 0.5), 200);
        assertTrue(r[0] >= 0.9, "position bias 0.15 found at 200 labels: " + r[0]);
        assertTrue(r[1] <= NULL_BOUND, "position bias taken for length bias: " + r[1]);
    }

    @Test
    void aLengthBiasIsNamedAndNotTakenForPosition() {
        double[] r = rates(new Setting(BiasSplitSimulation.LENGTH, true, 0.5), 200);
        assertTrue(r[1] >= 0.7, "length bias 0.15 found at 200 labels: " + r[1]);
        assertTrue(r[0] <= NULL_BOUND, "length bias taken for position bias: " + r[0]);
    }
}
