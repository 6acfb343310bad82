package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.TournamentGate.Candidate;
import dev.promptarena.decision.TournamentGate.TournamentDecision;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.WilsonScore;
import dev.promptarena.stats.WinRateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Holm across candidates in {@link TournamentGate}; intervals from {@link WilsonScore} (tested against statsmodels). */
class TournamentGateTest {
    private static final DecisionPolicy SUPERIORITY = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05, List.of());

    private static WinRateResult winRate(int wins, int n, double alpha) {
        Interval ci = WilsonScore.interval(wins, n, alpha);
        return new WinRateResult(Evidence.PRIMARY, n, n, n, wins, n - wins, 0, 0, 0, 0, wins / (double) n,
                wins / (double) n, wins / (double) n, ci, null, 1.0, ci);
    }

    private static Candidate candidate(String name, int wins) {
        return new Candidate(name, alpha -> winRate(wins, 200, alpha), List.of());
    }

    private static double lower(int wins, double alpha) { return WilsonScore.interval(wins, 200, alpha).lower(); }

    @Test
    void oneCandidateDecidesExactlyAsTheTwoVariantGate() {
        for (int wins : new int[] {70, 100, 112, 130}) {
            Decision two = Gate.decide(SUPERIORITY, winRate(wins, 200, 0.05), List.of());
            TournamentDecision t = TournamentGate.decide(SUPERIORITY, List.of(candidate("B", wins)));
            assertEquals(two, t.candidates().get(0).decision());
            assertEquals(two.outcome(), t.outcome());
            assertEquals(0.05, t.candidates().get(0).alpha(), 0);
        }
    }

    @Test
    void holmStepsDownAcrossCandidates() {
        // Preconditions of the scenarios, checked rather than assumed:
        assertTrue(lower(150, 0.05 / 3) > 0.5);                                // strong passes at alpha/3
        assertTrue(lower(116, 0.05 / 3) < 0.5 && lower(116, 0.05 / 2) > 0.5);  // mid: only once strong has left the family
        assertTrue(lower(115, 0.05) > 0.5 && lower(115, 0.05 / 2) < 0.5);      // weak: passes only unadjusted
        assertTrue(lower(100, 0.05) < 0.5);
        TournamentDecision stepDown = TournamentGate.decide(SUPERIORITY, List.of(candidate("null", 100), candidate("strong", 150), candidate("mid", 116)));
        assertEquals(Outcome.PASS, stepDown.outcome());
        assertEquals("strong", stepDown.best());
        assertEquals(List.of(Outcome.INCONCLUSIVE, Outcome.PASS, Outcome.PASS), outcomes(stepDown));
        assertEquals(List.of(0.05, 0.05 / 3, 0.025), stepDown.candidates().stream().map(TournamentGate.CandidateDecision::alpha).toList());

        TournamentDecision adjusted = TournamentGate.decide(SUPERIORITY, List.of(candidate("weak", 115), candidate("strong", 150), candidate("null", 100)));
        assertEquals(List.of(Outcome.INCONCLUSIVE, Outcome.PASS, Outcome.INCONCLUSIVE), outcomes(adjusted));
        assertEquals(0.025, adjusted.candidates().get(0).alpha(), 0);
        // Alone against the control, the weak candidate would pass.
        assertEquals(Outcome.PASS, TournamentGate.decide(SUPERIORITY, List.of(candidate("weak", 115))).outcome());
    }

    private static List<Outcome> outcomes(TournamentDecision t) {
        return t.candidates().stream().map(c -> c.decision().outcome()).toList();
    }

    @Test
    void noPassingCandidate() {
        TournamentDecision fail = TournamentGate.decide(SUPERIORITY, List.of(candidate("x", 60), candidate("y", 70)));
        assertEquals(Outcome.FAIL, fail.outcome());
        assertNull(fail.best());
        assertEquals(Outcome.INCONCLUSIVE, TournamentGate.decide(SUPERIORITY, List.of(candidate("x", 60), candidate("y", 105))).outcome());
        GuardrailResult health = new GuardrailResult(Guardrails.RUN_HEALTH.iterator().next(), Evidence.PRIMARY, 1.0, 0.5, true, "errors.");
        Candidate broken = new Candidate("z", alpha -> winRate(100, 200, alpha), List.of(health));
        assertEquals(Outcome.RUN_ERROR, TournamentGate.decide(SUPERIORITY, List.of(candidate("x", 60), broken)).outcome());
        // A breached guardrail fails a candidate whose win rate passes, and another passing candidate is named instead.
        GuardrailResult other = new GuardrailResult("length_ratio_max", Evidence.PRIMARY, 2.0, 1.5, true, "too long.");
        TournamentDecision t = TournamentGate.decide(SUPERIORITY, List.of(new Candidate("long", alpha -> winRate(170, 200, alpha), List.of(other)),
                candidate("fine", 150)));
        assertEquals("fine", t.best());
        assertEquals(Outcome.FAIL, t.candidates().get(0).decision().outcome());
    }

    @Test
    void holmKeepsTheFalsePassRateOfThreeEqualCandidatesAtTheSingleTestRate() {
        // Three candidates exactly as good as the control, 200 cases each, 2,000 simulated tournaments.
        SplittableRandom random = new SplittableRandom(18);
        int trials = 2000, holm = 0, unadjusted = 0;
        for (int t = 0; t < trials; t++) {
            List<Candidate> cs = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < 3; c++) {
                int wins = 0;
                for (int i = 0; i < 200; i++) if (random.nextBoolean()) wins++;
                cs.add(candidate("c" + c, wins));
                any |= lower(wins, 0.05) > 0.5;
            }
            if (TournamentGate.decide(SUPERIORITY, cs).outcome() == Outcome.PASS) holm++;
            if (any) unadjusted++;
        }
        // Exact rates (reference/bradley_terry.py part 6: binom.sf and proportion_confint(method="wilson")): 1 - (1 - q)^3 =
        // 0.0288 with Holm (alpha/2 = 0.025 nominal; the excess is Wilson's discreteness, the two-variant gate's own) and
        // 0.0816 unadjusted. SE at 2,000 trials: 0.0037 and 0.0061; bounds are 3 SE.
        assertEquals(0.02881414795921744, holm / (double) trials, 0.0112, "Holm false-pass rate");
        assertEquals(0.08162139939505764, unadjusted / (double) trials, 0.0183, "unadjusted false-pass rate");
    }
}
