package dev.promptarena.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.Decision;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.Gate;
import dev.promptarena.decision.Outcome;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.Fixtures;
import dev.promptarena.stats.PredictionPowered;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code decision.metric: human_corrected_win_rate}: the gate reads the PPI++ estimate and interval. A simulated
 * judge of known bias against human labels drawn from a known truth: where the judge-only gate passes on its bias,
 * the corrected gate does not, and where the judge hides a real lift, the corrected gate finds it.
 */
class HumanCorrectedMetricTest {
    private static final int CASES = 300;

    /** One simulated run: human truth per case (1 = B, 0 = A) and the judge's verdict, both seeded. */
    private record Sim(List<CaseOutcome> outcomes, double[] human, double[] judge) {
        /** PPI++ from labels on the first {@code n} cases (cases are i.i.d., so they are a random subset). */
        CorrectedWinRate corrected(int n, double alpha) {
            return PredictionPowered.estimate(Arrays.copyOf(human, n), Arrays.copyOf(judge, n), Arrays.copyOfRange(judge, n, judge.length), alpha);
        }
    }

    /** Humans prefer B with probability {@code truth}; the judge says B with pB (human B) or pA (human A). */
    private static Sim simulate(long seed, double truth, double pB, double pA) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<CaseOutcome> out = new ArrayList<>();
        double[] human = new double[CASES], judge = new double[CASES];
        for (int i = 0; i < CASES; i++) {
            human[i] = rng.nextDouble() < truth ? 1 : 0;
            judge[i] = rng.nextDouble() < (human[i] == 1 ? pB : pA) ? 1 : 0;
            // Alternating presentation order, so the position-adjusted judge-only estimate is the plain mean here too.
            out.add(Fixtures.outcome("c" + i, Fixtures.vote(i % 2 == 0, judge[i] == 1 ? Winner.B : Winner.A)));
        }
        return new Sim(out, human, judge);
    }

    private static DecisionPolicy policy(DecisionPolicy.Metric metric, DecisionPolicy.Test test, double margin) {
        return new DecisionPolicy(test, margin, 0.05, List.of(), null, null, metric, null);
    }

    /** The judge-only gate and the corrected gate (superiority) on one simulated run with the same labels. */
    private static Decision[] judgeOnlyAndCorrected(Sim sim, CorrectedWinRate w) {
        return new Decision[] {decide(sim, policy(DecisionPolicy.Metric.WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0), w),
                decide(sim, policy(DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0), w)};
    }

    private static Decision decide(Sim sim, DecisionPolicy policy, CorrectedWinRate labels) {
        return ArenaAnalysis.analyze(sim.outcomes(), List.of(), new AnalysisOptions(0.05, 1, 2000, policy), List.of(), labels).decision();
    }

    @Test
    void aJudgeBiasedTowardBPassesAloneButTheCorrectedGateDoesNot() {
        // Humans split 50/50; the judge says B for 90% of human-B cases and 50% of human-A cases (+20 points toward B).
        Sim sim = simulate(17, 0.5, 0.9, 0.5);
        CorrectedWinRate w = sim.corrected(80, 0.05);
        Decision[] gates = judgeOnlyAndCorrected(sim, w);
        Decision judgeOnly = gates[0], corrected = gates[1];
        assertEquals(Outcome.PASS, judgeOnly.outcome(), judgeOnly.reasons().toString());
        assertTrue(judgeOnly.interval().lower() > 0.6, "judge-only " + judgeOnly.interval());
        assertEquals(Outcome.INCONCLUSIVE, corrected.outcome(), corrected.reasons().toString());
        // The gate decides on exactly the PPI++ estimate and interval, and says so.
        assertEquals(w.corrected().estimate(), corrected.winRate(), 0);
        assertEquals(w.corrected().interval(), corrected.interval());
        assertTrue(corrected.interval().lower() < 0.5 && corrected.interval().upper() > 0.5, corrected.interval().toString());
        assertTrue(corrected.reasons().get(0).contains("human-corrected win rate") && corrected.reasons().get(0).contains("ppi++"),
                corrected.reasons().get(0));
        assertNull(corrected.casesNeeded());
        // Non-inferiority reads the same interval against 0.5 − margin: a margin of 0.15 is cleared.
        Decision ni = decide(sim, policy(DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE, DecisionPolicy.Test.NON_INFERIORITY, 0.15), w);
        assertEquals(Outcome.PASS, ni.outcome(), ni.reasons().toString());
        assertEquals(0.35, ni.threshold(), 1e-12);
    }

    @Test
    void aJudgeBiasedTowardAMissesALiftTheCorrectedGateFinds() {
        // Humans prefer B 70% of the time; the judge says B for only 60% of human-B cases and never for human-A ones.
        Sim sim = simulate(5, 0.7, 0.6, 0.0);
        CorrectedWinRate w = sim.corrected(150, 0.05);
        Decision[] gates = judgeOnlyAndCorrected(sim, w);
        Decision judgeOnly = gates[0], corrected = gates[1];
        assertTrue(judgeOnly.outcome() != Outcome.PASS, judgeOnly.reasons().toString());
        assertEquals(Outcome.PASS, corrected.outcome(), corrected.reasons().toString());
        // λ = cov(y, ŷ) / ((1 + n/N) var ŷ); the population value here is 0.126 / (2 · 0.2436) = 0.259.
        assertEquals(0.259, w.lambda(), 0.08);
        // Below the threshold the corrected gate fails as the win-rate gate would: same rule, other interval.
        Sim worse = simulate(9, 0.25, 0.9, 0.6);
        Decision fail = decide(worse, policy(DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0),
                worse.corrected(150, 0.05));
        assertEquals(Outcome.FAIL, fail.outcome(), fail.reasons().toString());
    }

    @Test
    void falsePassRateOfTheCorrectedGateOnABiasedJudge() {
        // The gate's false-alarm rate through the real analysis: a 50/50 truth, the +20-point judge, 100 labels of 300.
        int seeds = 200, judgePasses = 0, correctedPasses = 0;
        DecisionPolicy hc = policy(DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0);
        DecisionPolicy wr = policy(DecisionPolicy.Metric.WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0);
        for (long seed = 1000; seed < 1000 + seeds; seed++) {
            Sim sim = simulate(seed, 0.5, 0.9, 0.5);
            CorrectedWinRate w = sim.corrected(100, 0.05);
            if (decide(sim, hc, w).outcome() == Outcome.PASS) correctedPasses++;
            if (decide(sim, wr, w).outcome() == Outcome.PASS) judgePasses++;
        }
        System.out.printf("false PASS over %d seeds: judge-only %d, human-corrected %d%n", seeds, judgePasses, correctedPasses);
        assertTrue(judgePasses >= 0.95 * seeds, "the judge-only gate passes on its bias: " + judgePasses);
        // Nominal one-sided level 2.5%; binomial(200, 0.025) exceeds 12 with probability < 0.3%.
        assertTrue(correctedPasses <= 12, "corrected false PASS " + correctedPasses + " of " + seeds);
    }

    @Test
    void withoutLabelsTheGateRefusesToDecide() {
        Sim sim = simulate(17, 0.5, 0.9, 0.5);
        Decision d = decide(sim, policy(DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0), null);
        assertEquals(Outcome.INCONCLUSIVE, d.outcome());
        assertNull(d.interval());
        assertNull(d.winRate());
        assertEquals(Gate.NO_LABELS, d.reasons().get(0));
        // Labels given to a run gated on the plain win rate change nothing about the decision (exploratory only).
        Decision plain = decide(sim, policy(DecisionPolicy.Metric.WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0), sim.corrected(80, 0.05));
        assertEquals(decide(sim, policy(DecisionPolicy.Metric.WIN_RATE, DecisionPolicy.Test.SUPERIORITY, 0), null), plain);
    }
}
