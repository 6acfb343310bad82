package dev.promptarena.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.sequential.SequentialDesign;
import dev.promptarena.stats.sequential.SequentialSimulator;
import dev.promptarena.stats.sequential.SequentialSimulator.Judge;
import dev.promptarena.stats.sequential.SequentialSimulator.Summary;
import dev.promptarena.stats.sequential.Spending;
import dev.promptarena.stats.sequential.TieScore;
import dev.promptarena.stats.Normal;
import org.junit.jupiter.api.Test;

/**
 * The sequential gate's error rates and savings by simulation (issue 16's validation), on the statistic:
 * four O'Brien–Fleming-type looks, two-sided alpha 0.05, planned for win rate 0.6 with 20% ties at
 * power 0.8 (158 judged cases at most, looks at 40/79/119/158). Tolerances are binomial, 3 standard
 * errors: √(r(1 − r)/R). Larger sweeps (200,000 runs per cell): bench/sequential-bench.sh, figures in
 * docs/statistics.md.
 */
class SequentialSimulationTest {
    private static final double ALPHA = 0.05;
    private static final SequentialPlan PLAN = SequentialPlan.of(SequentialDesign.equallySpaced(4, Spending.OBRIEN_FLEMING, ALPHA, 0.8), 0.6, 0.2);
    private static final Judge AA = new Judge("A/A", 0.4, 0.2, 0);
    private static final Judge AA_POSITION = new Judge("A/A, 30% position bias", 0.4, 0.2, 0.3);

    private static double se(double rate, int runs) { return Math.sqrt(rate * (1 - rate) / runs); }

    @Test
    void aaFalsePassStaysAtHalfAlphaWhilePeekingDoesNot() {
        int runs = 20_000;
        for (Judge judge : new Judge[] {AA, AA_POSITION}) {
            Summary s = SequentialSimulator.simulate(PLAN.boundaries(), PLAN.lookCases(), judge, ALPHA, runs, 1601);
            assertEquals(0.5, judge.winRate(), 1e-12);
            assertTrue(s.passRate() <= ALPHA / 2 + 3 * se(ALPHA / 2, runs), judge.name() + ": false PASS " + s.passRate());
            // the same paths, stopping at the first look with Z >= 1.96: ~0.063 at 200,000 runs. Guards the test's own power.
            assertTrue(s.naivePassRate() >= 0.045, judge.name() + ": naive peeking should inflate, got " + s.naivePassRate());
        }
    }

    @Test
    void powerAtSixtyPercentIsWhatThePlanSays() {
        int runs = 4_000;
        Summary s = SequentialSimulator.simulate(PLAN.boundaries(), PLAN.lookCases(), new Judge("B 0.6", 0.5, 0.2, 0), ALPHA, runs, 1602);
        assertEquals(0.8, s.passRate(), 0.03, "power"); // issue 16: within 3 points of plan sequential
        assertEquals(PLAN.expectedAlt(), s.meanCases(), 0.02 * PLAN.expectedAlt(), "expected judged cases under H1");
    }

    @Test
    void atSixtyFivePercentItJudgesAThirdFewerCasesThanAFixedDesignOfEqualPower() {
        // The design above (planned at 0.6) meets a candidate at 0.65. A fixed design with the same power at 0.65 needs
        // n = (z_.975 sigma0 + z_power sigma1)^2 / 0.15^2 (SequentialPlan's fixed formula, at the simulated power).
        int runs = 4_000;
        Summary s = SequentialSimulator.simulate(PLAN.boundaries(), PLAN.lookCases(), new Judge("B 0.65", 0.55, 0.2, 0), ALPHA, runs, 1603);
        double power = Math.min(s.passRate(), 1 - 1e-4);
        double sd0 = Math.sqrt(TieScore.nullVariance(0.2)), sd1 = Math.sqrt(TieScore.variance(0.65, 0.2));
        double fixed = Math.pow((Normal.quantile(0.975) * sd0 + Normal.quantile(power) * sd1) / 0.15, 2);
        assertTrue(s.meanCases() <= 0.7 * fixed, "mean judged cases " + s.meanCases() + " vs fixed " + fixed + " at power " + power);
    }

    @Test
    void futilityStopsMostNullRunsEarlyWithoutRaisingFalsePasses() {
        SequentialPlan plan = SequentialPlan.of(SequentialDesign.equallySpaced(4, Spending.OBRIEN_FLEMING, ALPHA, 0.8).withFutility(Spending.OBRIEN_FLEMING), 0.6, 0.2);
        int runs = 10_000;
        Summary s = SequentialSimulator.simulate(plan.boundaries(), plan.lookCases(), AA, ALPHA, runs, 1604);
        assertTrue(s.passRate() <= ALPHA / 2 + 3 * se(ALPHA / 2, runs), "false PASS " + s.passRate());
        assertEquals(plan.expectedNull(), s.meanCases(), 0.02 * plan.expectedNull(), "expected judged cases under H0");
        assertTrue(s.futility() > 0.85 * runs, "futility stops " + s.futility());
    }
}
