package dev.promptarena.validity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With repeats the gate's interval is the case-clustered bootstrap of the position-adjusted estimate, through the real
 * pipeline ({@link SimArena} with {@code --repeats 3}: every case judged three times, each repeat in its own balanced
 * order).
 */
class RepeatsValidityTest {
    private static final int N = 100, REPEATS = 3;
    @TempDir static Path dir;
    private static SimArena arena;

    @BeforeAll
    static void arena() { arena = new SimArena(dir.resolve("repeats"), N, 0); }

    @Test
    void anAlwaysFirstJudgeWithRepeatsGivesExactlyOneHalfAndNeverPasses() {
        for (long seed = 0; seed < 4; seed++) {
            AnalysisResult r = arena.run(Personality.ALWAYS_FIRST.options(), "", seed, REPEATS);
            assertTrue(r.winRate().outcomes() == N * REPEATS && r.winRate().cases() == N, "repeats are clustered by case");
            assertEquals(0.5, r.winRate().estimate(), 0, "seed " + seed);
            // The gate's interval is the position-adjusted bootstrap: around 0.5, never clear of it.
            assertEquals(r.winRate().bootstrap().interval(), r.winRate().gateInterval());
            assertTrue(r.winRate().gateInterval().lower() <= 0.5 && r.winRate().gateInterval().upper() >= 0.5, "seed " + seed);
            assertNotEquals(Outcome.PASS, r.decision().outcome(), "seed " + seed);
            assertNotEquals(Outcome.FAIL, r.decision().outcome(), "seed " + seed);
        }
    }

    @Test
    void underANullJudgeWithRepeatsFalsePassesStayAtTheLevel() {
        int passes = 0, runs = 16;
        double sum = 0;
        for (long seed = 200; seed < 200 + runs; seed++) {
            AnalysisResult r = arena.run(Personality.NO_PREFERENCE.options(), "", seed, REPEATS);
            passes += r.decision().outcome() == Outcome.PASS ? 1 : 0;
            sum += r.winRate().estimate();
        }
        // alpha/2 = 0.025 one-sided; 3 binomial SE over 16 runs is 0.117, so at most 2 PASS.
        assertTrue(passes <= 2, "false PASS " + passes + " of " + runs);
        assertEquals(0.5, sum / runs, 4 * 0.5 / Math.sqrt(N * runs), "unbiased estimate");
    }
}
