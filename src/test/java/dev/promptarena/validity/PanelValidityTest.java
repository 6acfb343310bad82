package dev.promptarena.validity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge panel's warnings through the real pipeline ({@link PanelArena}: config with {@code judges:}, engine,
 * judge prompt and parser, sim provider, analysis): each fires on the panel it names and not on the others. Few seeds;
 * the rates over many runs are bench/panel-validity.sh's (docs/statistics.md, section 19).
 */
class PanelValidityTest {
    private static final int SEEDS = 4;
    @TempDir static Path dir;
    private static PanelArena arena;

    @BeforeAll
    static void arena() { arena = new PanelArena(new SimArena(dir, 120, 0)); }

    @Test
    void judgesThatAgreeOnlyByChanceAreWarnedAboutAndJudgesThatAgreeAreNot() {
        PanelRates independent = PanelRates.measure(arena, "judge: preference, preference: 0.6", null, 3, 1, false, 0, SEEDS);
        assertEquals(SEEDS, independent.lowAgreement, "three independent judges: kappa 0");
        PanelRates identical = PanelRates.measure(arena, "judge: preference, preference: 0.6", null, 3, 1, true, 0, SEEDS);
        assertEquals(0, identical.lowAgreement, "three judges of one model: kappa 1");
        assertEquals(0, identical.unstable);
    }

    @Test
    void thePositionBiasedJudgeIsNamedInEveryRun() {
        PanelRates r = PanelRates.measure(arena, "judge: preference, preference: 0.6",
                "judge: preference, preference: 0.6, position_bias: 0.5", 3, 1, false, 0, SEEDS);
        assertEquals(SEEDS, r.oddJudgeOrderWarnings);
    }

    @Test
    void aJudgeWhoseSamplesDisagreeIsWarnedAboutAndAStableOneIsNot() {
        assertEquals(SEEDS, PanelRates.measure(arena, "judge: preference", null, 2, 3, false, 0, SEEDS).unstable);
        assertEquals(0, PanelRates.measure(arena, "judge: preference, preference: 1", null, 2, 3, false, 0, SEEDS).unstable);
    }
}
