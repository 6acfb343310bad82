package dev.promptarena.stats.tournament;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values: statsmodels 0.13.5 ConditionalLogit (derivative of its analytic score), see src/test/resources/reference/bradley_terry.py (part 5). */
class TournamentPlanTest {
    private static final double[] SCORES = {0, 0.2, 0.4, 0.6};

    @Test
    void perCaseVarianceMatchesTheConditionalLogitInformation() {
        double[][] cov = TournamentPlan.perCaseCovariance(SCORES, 0.3, 0.2, Schedule.ROUND_ROBIN);
        // inverse of minus the derivative of ConditionalLogit(...).score at the truth, halved: var(s1-s0), var(s2-s1), var(s3-s2)
        assertEquals(2.5880904909333946, cov[1][1], 1e-9);
        assertEquals(2.571283643511102, cov[1][1] + cov[2][2] - 2 * cov[1][2], 1e-9);
        assertEquals(2.5880904909081694, cov[2][2] + cov[3][3] - 2 * cov[2][3], 1e-9);
    }

    @Test
    void casesAndCallsToSeparateAdjacentVariants() {
        TournamentPlan plan = TournamentPlan.of(SCORES, 0.3, 0.2, Schedule.ROUND_ROBIN, 0.05, 0.8);
        assertEquals(784, plan.cases()); // max ceil(z^2 var / 0.2^2), z = norm.ppf(1 - .05/12) + norm.ppf(.8)
        assertEquals(784L * 6, plan.judgeCalls());
        assertEquals(6, plan.pairsPerCase());
        // var(s1-s0) = var(s3-s2) (the design is symmetric) are the largest of the three adjacent variances
        assertEquals(2.5880904909333946, plan.perCaseSd() * plan.perCaseSd(), 1e-9);
        assertTrue(plan.bestRate() > 0.999, "at 784 cases the best is found almost surely: " + plan.bestRate());
    }

    @Test
    void predictedBestRateMatchesAnIndependentMonteCarlo() {
        // multivariate_normal([.2, .4, .6], cov / 100) Monte Carlo with 400,000 draws: 0.890605 (its SE ~0.0005)
        assertEquals(0.890605, TournamentPlan.bestRate(SCORES, 0.3, 0.2, Schedule.ROUND_ROBIN, 100), 0.003);
    }

    @Test
    void vsControlNeedsFewerCallsForTheGateButCannotRankCandidates() {
        TournamentPlan gate = TournamentPlan.of(SCORES, 0.3, 0.2, Schedule.VS_CONTROL, 0.05, 0.8);
        assertEquals(3, gate.pairsPerCase());
        assertArrayEquals(new int[] {0, 1}, gate.hardestPair()); // the smallest gap to the control
        TournamentPlan rr = TournamentPlan.of(SCORES, 0.3, 0.2, Schedule.ROUND_ROBIN, 0.05, 0.8);
        assertTrue(gate.judgeCalls() < rr.judgeCalls(), gate + " vs " + rr);
        // More ties carry less information per call, so more cases are needed.
        assertTrue(TournamentPlan.of(SCORES, 0.3, 0.5, Schedule.ROUND_ROBIN, 0.05, 0.8).cases() > rr.cases());
    }

    @Test
    void equalScoresCannotBeSeparated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TournamentPlan.of(new double[] {0, 0.2, 0.2}, 0, 0, Schedule.ROUND_ROBIN, 0.05, 0.8));
        assertTrue(e.getMessage().contains("equal scores"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TournamentPlan.of(SCORES, 0, 1.0, Schedule.ROUND_ROBIN, 0.05, 0.8));
    }

    @Test
    void adaptiveIsPlannedAsItsStageOne() {
        // tournament_plan_adaptive.py: information of control pairs on every case + 0.5 x candidate pairs (first pass)
        double[][] cov = TournamentPlan.perCaseCovariance(SCORES, 0.3, 0.2, Schedule.ADAPTIVE, 0.5);
        assertEquals(3.093503330507383, cov[1][1], 1e-8);
        assertEquals(4.117573050525263, cov[1][1] + cov[2][2] - 2 * cov[1][2], 1e-8);
        assertEquals(4.16082609968582, cov[2][2] + cov[3][3] - 2 * cov[2][3], 1e-8);
        TournamentPlan plan = TournamentPlan.of(SCORES, 0.3, 0.2, Schedule.ADAPTIVE, 0.05, 0.8, 0.5);
        assertEquals(1260, plan.cases());
        assertEquals(5670L, plan.judgeCalls()); // 3 x 1260 control pairs + 3 candidate pairs x 630 first-pass cases
        assertEquals(0.826545, TournamentPlan.bestRate(SCORES, 0.3, 0.2, Schedule.ADAPTIVE, 100, 0.5), 0.003);
        // With every case in the first pass it is the round robin.
        assertEquals(784, TournamentPlan.of(SCORES, 0.3, 0.2, Schedule.ADAPTIVE, 0.05, 0.8, 1).cases());
    }
}
