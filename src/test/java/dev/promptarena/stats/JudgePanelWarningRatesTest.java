package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The judge panel's warnings under panels of known behaviour ({@link PanelVotes}), few runs with tolerances of three
 * binomial standard errors; bench/panel-validity.sh sweeps more settings and runs (docs/statistics.md, section 19).
 */
class JudgePanelWarningRatesTest {
    private static final double ALPHA = 0.05;
    private static final int RUNS = 400;

    private static double se(double p, int runs) { return Math.sqrt(p * (1 - p) / runs); }

    @Test
    void noJudgeIsWarnedAboutOrderWhenNoneHasAPositionBias() {
        // Three independent judges, no position bias: each own test at alpha would warn in 1 − 0.95³ = 14% of runs.
        double rate = PanelVotes.unbiased(3, 200, 0).warningRate("Judge ", 1, RUNS);
        assertTrue(rate <= ALPHA + 3 * se(ALPHA, RUNS), "some judge's order warning under no bias: " + rate);
    }

    @Test
    void theJudgeWithAPositionBiasIsNamed() {
        PanelVotes oddOneOut = new PanelVotes(3, 200, 0.8, new double[] {0, 0, 0.3}, 1, 0);
        double named = oddOneOut.warningRate("Judge j3 picked the response shown first", 1, 40);
        assertTrue(named >= 0.9, "the biased judge is named in " + named);
        double others = oddOneOut.warningRate("Judge j1 picked", 1, 40) + oddOneOut.warningRate("Judge j2 picked", 1, 40);
        assertTrue(others <= 2 * (ALPHA + 3 * se(ALPHA, 40)), "unbiased judges named in " + others);
    }

    @Test
    void aJudgeAtTheStabilityThresholdIsWarnedAboutAtMostAtTheLevel() {
        // flip 0.07 per sample: stability 0.93³ + 0.07³ = 0.805; the share below 0.8 warned in a third of 30-case runs.
        double atThreshold = new PanelVotes(1, 30, 1, new double[1], 3, 0.07).warningRate("Judge j1 gave the same winner", 1, RUNS);
        assertTrue(atThreshold <= ALPHA / 2 + 3 * se(ALPHA / 2, RUNS), "warned at the threshold in " + atThreshold);
        // flip 0.2: stability 0.52, warned in every run of 200 cases (in about 88% of runs of 30).
        double unstable = new PanelVotes(1, 200, 1, new double[1], 3, 0.2).warningRate("Judge j1 gave the same winner", 1, 40);
        assertTrue(unstable == 1.0, "an unstable judge warned in " + unstable);
    }

    @Test
    void aPanelOfJudgesThatAgreeIsNotWarnedAboutAnOrderBiasNoneHas() {
        // Three judges that copy one latent verdict (kappa 1), no position bias: 600 votes carry 200 cases' evidence.
        // Counted as 600 independent votes, the panel's order warning fired in 19% of runs.
        PanelVotes agreeing = PanelVotes.unbiased(3, 200, 1);
        int fired = 0;
        for (long s = 1; s <= RUNS; s++) fired += OrderBiasAnalysis.analyze(agreeing.draw(s), ALPHA).significant() ? 1 : 0;
        double rate = fired / (double) RUNS;
        assertTrue(rate <= ALPHA + 3 * se(ALPHA, RUNS), "panel order warning under no bias: " + rate);
        // The same panel with a position bias of 0.3 in every judge is still found.
        PanelVotes biased = new PanelVotes(3, 200, 1, new double[] {0.3, 0.3, 0.3}, 1, 0);
        int found = 0;
        for (long s = 1; s <= 40; s++) found += OrderBiasAnalysis.analyze(biased.draw(s), ALPHA).significant() ? 1 : 0;
        assertTrue(found >= 36, "panel position bias found in " + found + " of 40");
    }

    @Test
    void agreementAboveTheThresholdIsNotWarnedAboutOnNoiseAndLowAgreementIs() {
        // At the threshold (true kappa 0.4) the upper bound is below it in at most alpha/2 of runs, for two judges
        // (Cohen, Wald) and three (Fleiss, bootstrap); on the point estimate it was about half. 30 cases: the hardest case.
        for (int judges : new int[] {2, 3}) {
            double atThreshold = PanelVotes.unbiased(judges, 30, Math.sqrt(0.4)).warningRate("The judges agree little", 1, RUNS);
            assertTrue(atThreshold <= ALPHA / 2 + 3 * se(ALPHA / 2, RUNS), judges + " judges at kappa 0.4 warned in " + atThreshold);
            // Judges that agree by chance only: named at 100 cases.
            double chance = PanelVotes.unbiased(judges, 100, 0).warningRate("The judges agree little", 1, 40);
            assertTrue(chance >= 0.95, judges + " judges at kappa 0 warned in " + chance);
        }
    }
}
