package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.sequential.Spending;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequential decision: a crossing decides only a run that ended normally; guardrails still override. */
class SequentialGateTest {
    private static final SequentialSpec SPEC = new SequentialSpec(SequentialSpec.Method.GROUP_SEQUENTIAL, List.of(0.5, 1.0), 0,
            Spending.OBRIEN_FLEMING, null, 0.8);
    private static final DecisionPolicy POLICY = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05, List.of(), SPEC);
    private static final SequentialRegistration REG = SequentialRegistration.of(POLICY, 100, 7);

    private static List<Double> scores(int wins, int losses) {
        List<Double> s = new ArrayList<>(Collections.nCopies(wins, 1.0));
        s.addAll(Collections.nCopies(losses, 0.0));
        Collections.shuffle(s, new java.util.Random(1));
        return s;
    }

    private static Decision decide(List<Double> scores, boolean complete, List<GuardrailResult> guardrails) {
        return SequentialGate.decide(POLICY, REG, SequentialReplay.of(REG.boundaries(), REG.plannedCases(), scores), guardrails, complete, 0);
    }

    @Test
    void registrationHoldsTheLanDeMetsBoundaries() {
        // rpact getDesignGroupSequential(kMax = 2, alpha = 0.025, sided = 1, typeOfDesign = "asOF"): 2.9626, 1.9686 (tolerance 1e-3).
        assertEquals(2.9626, REG.boundaries().efficacy().get(0), 1e-3);
        assertEquals(1.9686, REG.boundaries().efficacy().get(1), 1e-3);
    }

    @Test
    void aCrossingPassesOnlyWhenTheRunEndedNormally() {
        List<Double> strong = scores(40, 10); // Z = 30 / sqrt(50) = 4.24 >= 2.96 at look 1
        Decision done = decide(strong, true, List.of());
        assertEquals(Outcome.PASS, done.outcome());
        assertTrue(done.reasons().get(0).contains("stopped at look 1 of 2"), done.reasons().toString());
        Decision interim = decide(strong, false, List.of());
        assertEquals(Outcome.INCONCLUSIVE, interim.outcome(), "an interim report never passes");
        assertTrue(interim.reasons().get(0).contains("not a decision"), interim.reasons().toString());
    }

    @Test
    void theNaiveWinRateIsCalledBiasedByTheEarlyStopOnlyWhenTheRunStoppedBeforeItsLastLook() {
        // QA: a run that crossed at its final look (no early stop) said "naive ... is biased by the early stop".
        String early = decide(scores(40, 10), true, List.of()).reasons().get(1); // look 1: Z = 4.24 >= 2.96
        assertTrue(early.contains("is biased by the early stop at look 1 of 2"), early);
        assertTrue(early.endsWith("(the interval this decision uses)."), early);
        List<Double> late = new ArrayList<>(scores(30, 20)); // look 1: Z = 10 / sqrt(50) = 1.41 < 2.96
        late.addAll(scores(35, 15)); // look 2: Z = 30 / 10 = 3.0 >= 1.97
        Decision atLast = decide(late, true, List.of());
        assertEquals(Outcome.PASS, atLast.outcome());
        assertTrue(atLast.reasons().get(0).contains("stopped at look 2 of 2"), atLast.reasons().toString());
        String reason = atLast.reasons().get(1);
        assertTrue(reason.startsWith("Bias-adjusted (median-unbiased) win rate"), reason);
        assertTrue(!reason.contains("early stop at") && reason.contains("the run reached its last planned look: no early stop"), reason);
        assertTrue(reason.contains("95% repeated confidence interval") && reason.endsWith("(the interval this decision uses)."), reason);
    }

    @Test
    void harmFailsAndTheLastLookWithoutCrossingIsInconclusive() {
        assertEquals(Outcome.FAIL, decide(scores(10, 40), true, List.of()).outcome());
        List<Double> weak = scores(54, 46); // look 2: Z = 8 / 10 = 0.8 < 1.97; look 1 is far below 2.96 too
        Decision d = decide(weak, true, List.of());
        assertEquals(Outcome.INCONCLUSIVE, d.outcome());
        assertTrue(d.reasons().get(0).contains("look 2 of 2") && d.reasons().get(0).contains("crossed no boundary"), d.reasons().toString());
    }

    @Test
    void guardrailsOverrideAnEfficacyStop() {
        GuardrailResult breached = new GuardrailResult("cost_per_case_increase_usd", Evidence.PRIMARY, 0.01, 0.002, true, "cost up.");
        Decision d = decide(scores(40, 10), true, List.of(breached));
        assertEquals(Outcome.FAIL, d.outcome());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("guardrails override")), d.reasons().toString());
        GuardrailResult health = new GuardrailResult("error_rate_max", Evidence.PRIMARY, 0.5, 0.05, true, "errors.");
        assertEquals(Outcome.RUN_ERROR, decide(scores(40, 10), true, List.of(health)).outcome());
    }
}
