package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.canary.ScoreDriftSimulation.Design;
import dev.promptarena.canary.ScoreDriftSimulation.Rates;
import org.junit.jupiter.api.Test;

/**
 * The false-alarm rate and the power of {@code score}'s drift flag under a simulated judge of known behaviour
 * ({@link ScoreDriftSimulation}; the large sweep is {@code bench/score-drift.sh}, docs/statistics.md 19.4).
 */
class ScoreDriftRatesTest {
    /**
     * Six windows against the baseline on three axes, no drift anywhere: flagged on the unadjusted p, 39% of runs
     * showed a drifted window (2,000-run sweep); Holm-adjusted over the 18 comparisons, 3.5%. Bound 8% over 300 runs
     * (binomial SE at 5% is 1.3 points); the unadjusted share is asserted too, so the family really is large.
     */
    @Test
    void withNoDriftAtMostAboutAlphaOfRunsFlagAWindow() {
        Rates r = ScoreDriftSimulation.rates(new Design(7, ScoreDriftSimulation.AXES3, 40, 0.6, 0.6), 300, 1, 0.05);
        assertTrue(r.flaggedShare() <= 0.08, "runs with a drifted window under no drift: " + r);
        assertTrue(r.unadjustedShare() >= 0.25, "the unadjusted p-values alone would flag many runs: " + r);
    }

    /** A real drift in the last window (good answers 60% -> 25%, 0.7 points on every axis, 100 traces per window) is flagged there. */
    @Test
    void aRealDriftInTheLastWindowIsFlagged() {
        Rates r = ScoreDriftSimulation.rates(new Design(7, ScoreDriftSimulation.AXES3, 100, 0.6, 0.25), 100, 1, 0.05);
        assertTrue(r.lastWindowShare() >= 0.9, "runs whose drifted last window is flagged: " + r);
    }
}
