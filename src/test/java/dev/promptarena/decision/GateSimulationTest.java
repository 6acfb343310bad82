package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.ArenaAnalysis;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.JudgedOutcome;
import dev.promptarena.stats.SampleSize;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.WinRateAnalysis;
import dev.promptarena.stats.WinRateResult;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo checks of the gate's error rates through the real verdict combination, win rate and
 * decision code (the bootstrap is not on this path: with one outcome per case the gate uses Wilson).
 *
 * <p>Tolerances are binomial: with R = 400 simulated runs the standard error of an observed rate r is
 * √(r(1 − r)/R), at most 0.011 for r = 0.05 and 0.020 for r = 0.8; we allow 3 standard errors.
 */
class GateSimulationTest {
    private static final int RUNS = 400;
    private static final double ALPHA = 0.05;
    private static final DecisionPolicy POLICY = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, ALPHA, List.of());
    private static final Side SIDE = new Side("some answer", 100, 0.001, 2, false, null, false);

    /**
     * A judge: with probability {@code positionBias} it names whatever is shown first; otherwise it says
     * B with probability {@code pB}, tie with {@code pTie}, else A.
     */
    record Judge(double pB, double pTie, double positionBias) {
        Winner vote(boolean bFirst, SplittableRandom rnd) {
            if (rnd.nextDouble() < positionBias) return bFirst ? Winner.B : Winner.A;
            double u = rnd.nextDouble();
            return u < pB ? Winner.B : u < pB + pTie ? Winner.TIE : Winner.A;
        }
    }

    /** Share of simulated runs the gate passes. */
    private static double passRate(Judge judge, int cases, boolean bothOrders, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int passes = 0;
        for (int run = 0; run < RUNS; run++) {
            List<CaseOutcome> outcomes = new ArrayList<>(cases);
            for (int c = 0; c < cases; c++) {
                List<Vote> votes = new ArrayList<>(2);
                if (bothOrders) {
                    votes.add(new Vote("j", 0, true, judge.vote(true, rnd), Map.of(), Map.of()));
                    votes.add(new Vote("j", 0, false, judge.vote(false, rnd), Map.of(), Map.of()));
                } else {
                    boolean bFirst = rnd.nextBoolean(); // seeded random order
                    votes.add(new Vote("j", 0, bFirst, judge.vote(bFirst, rnd), Map.of(), Map.of()));
                }
                outcomes.add(new CaseOutcome("c" + c, 0, Map.of(), SIDE, SIDE, votes, 0));
            }
            WinRateResult w = WinRateAnalysis.analyze(JudgedOutcome.of(outcomes), ALPHA, null);
            if (Gate.decide(POLICY, w, List.of()).outcome() == Outcome.PASS) passes++;
        }
        return passes / (double) RUNS;
    }

    private static double limit(double rate) { return rate + 3 * Math.sqrt(rate * (1 - rate) / RUNS); }

    @Test
    void noPreferenceRarelyPasses() {
        double rate = passRate(new Judge(0.45, 0.10, 0), 200, false, 1);
        assertTrue(rate <= limit(ALPHA), "A/A pass rate " + rate);
    }

    @Test
    void strongPositionBiasWithRandomOrderRarelyPasses() {
        double rate = passRate(new Judge(0.5, 0, 0.6), 200, false, 2);
        assertTrue(rate <= limit(ALPHA), "A/A pass rate with 60% first-slot bias, random order " + rate);
    }

    @Test
    void strongPositionBiasWithBothOrdersRarelyPasses() {
        double rate = passRate(new Judge(0.5, 0, 0.6), 200, true, 3);
        assertTrue(rate <= limit(ALPHA), "A/A pass rate with 60% first-slot bias, both orders " + rate);
    }

    @Test
    void realPreferenceIsDetectedAtThePlannedPower() {
        // True win rate 0.6 without ties: SampleSize.winRate(0.6, 0, 0.5, 0.05, 0.8) = 194 cases for 80% power.
        int n = SampleSize.winRate(0.6, 0, 0.5, ALPHA, 0.8);
        assertEquals(194, n);
        double rate = passRate(new Judge(0.6, 0, 0), n, false, 4);
        assertEquals(0.8, rate, 3 * Math.sqrt(0.8 * 0.2 / RUNS), "power at n = " + n);
    }

    @Test
    void tiesAreAccountedForInThePlannedPower() {
        // P(B) = 0.5, P(tie) = 0.2, P(A) = 0.3: tie-half win rate 0.6 and tie rate 0.2 -> 182 cases for 80% power.
        int n = SampleSize.winRate(0.6, 0.2, 0.5, ALPHA, 0.8);
        double rate = passRate(new Judge(0.5, 0.2, 0), n, false, 5);
        assertEquals(0.8, rate, 3 * Math.sqrt(0.8 * 0.2 / RUNS), "power at n = " + n + " with 20% ties");
    }

    @Test
    void correlatedRepeatsDoNotInflateFalsePasses() {
        // A/A with strong within-case correlation: each case leans to A or B (0.2 / 0.8) for all its 3 repeats,
        // so repeats are far from independent. The full analysis (cluster bootstrap on the gate) must still
        // pass at most alpha of the time. 200 runs keep this fast (2000 resamples x 60 cases per run).
        int runs = 200, cases = 60, repeats = 3;
        SplittableRandom rnd = new SplittableRandom(6);
        AnalysisOptions options = new AnalysisOptions(ALPHA, 99, 2000, POLICY);
        int passes = 0;
        for (int run = 0; run < runs; run++) {
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (int c = 0; c < cases; c++) {
                Judge judge = new Judge(rnd.nextBoolean() ? 0.8 : 0.2, 0, 0);
                for (int r = 0; r < repeats; r++) {
                    boolean bFirst = rnd.nextBoolean();
                    outcomes.add(new CaseOutcome("c" + c, r, Map.of(), SIDE, SIDE,
                            List.of(new Vote("j", 0, bFirst, judge.vote(bFirst, rnd), Map.of(), Map.of())), 0));
                }
            }
            var result = ArenaAnalysis.analyze(outcomes, List.of(), options);
            assertTrue(result.decision().interval().method().startsWith("bootstrap"), "repeats must use the cluster bootstrap");
            if (result.decision().outcome() == Outcome.PASS) passes++;
        }
        double rate = passes / (double) runs;
        assertTrue(rate <= ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / runs), "A/A pass rate with correlated repeats " + rate);
    }
}
