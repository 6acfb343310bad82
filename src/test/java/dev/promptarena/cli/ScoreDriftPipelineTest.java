package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.cli.ScoreDriftPipeline.Counts;
import dev.promptarena.cli.ScoreDriftPipeline.Design;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score}'s drift flag through the real pipeline with the example's simulated judge ({@link ScoreDriftPipeline};
 * 400 runs per row in bench/score-drift.sh: 3.3% of no-drift runs flagged, 40.0% by the unadjusted p; 78% of runs
 * with good answers 60% -> 20% in the last window flagged there).
 */
class ScoreDriftPipelineTest {
    @TempDir Path work;

    @Test
    void noDriftIsRarelyFlaggedAndARealDriftIsFoundEndToEnd() throws Exception {
        Counts none = ScoreDriftPipeline.sweep(new Design(7, 40, 0.6, 0.6), 24, 1, work.resolve("none"));
        // 12.5% of 24 runs; read one by one, the unadjusted p-values named a window in about 40% of such runs.
        assertTrue(none.flagged() <= 3, "no-drift runs flagged: " + none);
        assertTrue(none.unadjusted() >= 5, "the family is large enough that raw p-values alone flag many runs: " + none);
        Counts drift = ScoreDriftPipeline.sweep(new Design(7, 40, 0.6, 0.2), 6, 1, work.resolve("drift"));
        assertTrue(drift.lastFlagged() >= 3, "runs with the drifted last window flagged: " + drift);
    }
}
