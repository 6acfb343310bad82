package dev.promptarena.validity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.Outcome;
import dev.promptarena.stats.SampleSize;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate against simulated judges of known behaviour, through the real pipeline (config, balanced order, engine,
 * judge prompt and parser, sim provider, analysis, decision). Few seeds here, with tolerances of three binomial
 * standard errors; bench/validity.sh runs the large sweep whose rates are in docs/statistics.md.
 */
class VerdictValidityTest {
    private static final int N = 200;
    private static final double ALPHA = 0.05;
    @TempDir static Path dir;
    private static SimArena arena, longer;

    @BeforeAll
    static void arenas() {
        arena = new SimArena(dir.resolve("same"), N, 0);
        longer = new SimArena(dir.resolve("longer"), N, Personality.ALWAYS_LONGER.extraWords());
    }

    @Test
    void anAlwaysFirstJudgeGivesExactlyOneHalfAndNeverPasses() {
        for (long seed = 0; seed < 8; seed++) {
            AnalysisResult r = arena.run(Personality.ALWAYS_FIRST.options(), "", seed);
            assertEquals(0.5, r.winRate().estimate(), 0, "seed " + seed);
            assertNotEquals(Outcome.PASS, r.decision().outcome(), "seed " + seed);
            assertNotEquals(Outcome.FAIL, r.decision().outcome(), "seed " + seed);
        }
    }

    @Test
    void underANullJudgeFalsePassesAndExploratoryWarningsStayAtTheirLevels() {
        SimRates r = SimRates.measure(arena, Personality.NO_PREFERENCE, N, ValiditySweep.GUARDRAIL, 100, 40);
        // alpha/2 = 0.025 one-sided; 3 standard errors over 40 runs is 0.074.
        assertTrue(r.rate(Outcome.PASS) <= ALPHA / 2 + 3 * r.se(ALPHA / 2), "false PASS " + r.rate(Outcome.PASS));
        assertTrue(r.rate(r.anyExploratory) <= ALPHA + 3 * r.se(ALPHA), "any exploratory warning " + r.rate(r.anyExploratory));
        assertEquals(0, r.loudVerbosity);
        // axis_drop_max: 0.0 in harm_proven mode breaches at most at its one-sided level 0.025; the point estimate
        // (any drop at all) would breach in about half of these runs.
        assertTrue(r.rate(r.guardrailBreaches) <= 0.025 + 3 * r.se(0.025), "guardrail breaches " + r.rate(r.guardrailBreaches));
        assertTrue(r.rate(r.pointBreaches) > 0.25, "point-estimate breaches " + r.rate(r.pointBreaches));
        assertEquals(0.5, r.meanEstimate(), 4 * 0.5 / Math.sqrt(N * 40.0), "unbiased estimate");
    }

    @Test
    void aJudgeThatAlwaysPicksTheLongerAnswerIsNeverASilentPass() {
        for (long seed = 0; seed < 4; seed++) {
            AnalysisResult r = longer.run(Personality.ALWAYS_LONGER.options(), "", seed);
            assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("VERBOSITY:")), "seed " + seed + ": " + r.warnings());
        }
    }

    @Test
    void powerAtPreference06MatchesPlanWithAndWithoutPositionBias() {
        for (Personality p : new Personality[] {Personality.PREFERENCE_60, Personality.BIASED_60}) {
            SimRates r = SimRates.measure(arena, p, N, "", 300, 40);
            double planned = SampleSize.winRatePower(N, p.trueWinRate(), 0, 0.5, ALPHA);
            double tolerance = 0.05 + 3 * r.se(planned);
            assertEquals(planned, r.rate(Outcome.PASS), tolerance, p.name());
        }
    }

    @Test
    void aTrueSegmentReversalIsNamed() {
        // Returns (50 cases) prefer A 0.7, the rest B 0.7: the reversal is named in 68% of runs (200 runs, SE 3.3 points;
        // docs/statistics.md 19.3); at least 4 of these 8 seeds (fewer has probability 0.075 at 0.68, scipy binom.cdf(3, 8, 0.68); the seeds are fixed).
        SimRates r = SimRates.measure(arena, Personality.SEGMENT_REVERSAL, N, "", 500, 8);
        assertTrue(r.reversals >= 4, "reversal named in " + r.reversals + " of 8");
    }
}
