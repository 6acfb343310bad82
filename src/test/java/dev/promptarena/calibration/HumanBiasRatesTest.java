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

    /**
     * Judged in both orders, the slot split reads the order pairs: at 100 labels it named a position bias of 0.15 in 84%
     * of runs where the clustered Fisher test (the rule before, still computed in {@code test.p}) named it in 65%
     * (2,000-run sweep; 45% against 24% at 50 labels), and a noise judge in at most 2% of runs.
     */
    @Test
    void inBothOrdersTheOrderPairsFindAPositionBiasAtFewerLabels() {
        double[] r = rates(new Setting(BiasSplitSimulation.POSITION, true, 0.5), 100);
        assertTrue(r[0] >= 0.75, "position bias 0.15 found at 100 labels: " + r[0]);
        assertTrue(r[0] >= r[3] + 0.1, "the order pairs find it more often than the clustered Fisher test: " + r[0] + " vs " + r[3]);
        double[] noise = rates(new Setting(BiasSplitSimulation.NOISE_10, true, 0.5), 200);
        assertTrue(noise[0] <= NULL_BOUND && noise[2] <= NULL_BOUND, "slot or length flagged for a noise judge: " + noise[0] + ", " + noise[2]);
    }

    /** A panel's votes are pooled by case: a noise panel of three is not called biased, a position-biased one is. */
    @Test
    void aPanelIsPooledByCase() {
        double[] noise = rates(new Setting(BiasSplitSimulation.NOISE_25, true, 1, 0.5, 3), 100);
        assertTrue(noise[2] <= NULL_BOUND, "slot or length flagged for a noise panel: " + noise[2]);
        double[] position = rates(new Setting(BiasSplitSimulation.POSITION, true, 1, 0.5, 3), 50);
        assertTrue(position[0] >= 0.85, "a position-biased panel found at 50 labels: " + position[0]);
    }

    @Test
    void aLengthBiasIsNamedAndNotTakenForPosition() {
        double[] r = rates(new Setting(BiasSplitSimulation.LENGTH, true, 0.5), 200);
        assertTrue(r[1] >= 0.7, "length bias 0.15 found at 200 labels: " + r[1]);
        assertTrue(r[0] <= NULL_BOUND, "length bias taken for position bias: " + r[0]);
    }
}
