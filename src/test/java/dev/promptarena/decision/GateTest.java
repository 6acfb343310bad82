package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.WinRateResult;
import dev.promptarena.stats.WilsonScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision table of {@link Gate}. Interval bounds come from {@link WilsonScore}, itself tested against statsmodels. */
class GateTest {
    private static final DecisionPolicy SUPERIORITY = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05, List.of());
    private static final DecisionPolicy NON_INFERIORITY = new DecisionPolicy(DecisionPolicy.Test.NON_INFERIORITY, 0.05, 0.05, List.of());

    /** A win-rate result with {@code wins} of {@code n} and no ties. */
    static WinRateResult winRate(int wins, int ties, int n) {
        int losses = n - wins - ties;
        Interval ci = WilsonScore.interval(wins + 0.5 * ties, n, 0.05);
        return new WinRateResult(Evidence.PRIMARY, n, n, n, wins, losses, ties, 0, 0, 0, (wins + 0.5 * ties) / n,
                wins / (double) n, wins / (double) (wins + losses), ci, null, 1.0, ci);
    }

    private static GuardrailResult guard(String metric, boolean breached) {
        return new GuardrailResult(metric, Evidence.PRIMARY, breached ? 1.0 : 0.0, 0.5, breached, metric + " detail.");
    }

    @Test
    void passWhenLowerBoundClearsHalf() {
        // proportion_confint(130, 200, method="wilson") = (0.5808..., 0.7136...)
        Decision d = Gate.decide(SUPERIORITY, winRate(130, 0, 200), List.of());
        assertEquals(Outcome.PASS, d.outcome());
        assertEquals(0.5, d.threshold(), 0);
        assertNull(d.casesNeeded());
        assertEquals(Evidence.PRIMARY, d.role());
    }

    @Test
    void failWhenUpperBoundBelowHalf() {
        assertEquals(Outcome.FAIL, Gate.decide(SUPERIORITY, winRate(70, 0, 200), List.of()).outcome());
    }

    @Test
    void inconclusiveSaysHowManyCasesThePreRegisteredMinimumEffectNeeds() {
        DecisionPolicy withMin = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05, List.of(), 0.1);
        Decision d = Gate.decide(withMin, winRate(53, 10, 100), List.of()); // observed 0.58 is not used: the pre-registered 0.6 is
        assertEquals(Outcome.INCONCLUSIVE, d.outcome());
        // SampleSize.winRate(0.6, 0.10, 0.5, 0.05, 0.8) at the observed tie rate; formula checked against scipy in SampleSizeTest
        assertEquals(dev.promptarena.stats.SampleSize.winRate(0.6, 0.10, 0.5, 0.05, 0.8), d.casesNeeded());
        assertTrue(d.reasons().get(0).contains("pre-registered minimum effect"), d.reasons().get(0));
        // Without a pre-registered minimum effect there is no post-hoc power figure.
        assertNull(Gate.decide(SUPERIORITY, winRate(53, 10, 100), List.of()).casesNeeded());
    }

    @Test
    void anIncompleteRunOrAnInterimLookDecidesNothing() {
        for (Deviation.Kind kind : List.of(Deviation.Kind.INCOMPLETE, Deviation.Kind.INTERIM)) {
            Deviation dev = new Deviation(kind, "733 of 1000 cases");
            Decision pass = Gate.decide(SUPERIORITY, winRate(130, 0, 200), List.of(), List.of(dev));
            assertEquals(Outcome.INCONCLUSIVE, pass.outcome(), kind.name());
            assertTrue(pass.reasons().get(0).contains("733 of 1000 cases"), pass.reasons().get(0));
            assertTrue(pass.reasons().get(1).contains("would say PASS"), pass.reasons().get(1));
            assertEquals(Outcome.INCONCLUSIVE, Gate.decide(SUPERIORITY, winRate(70, 0, 200), List.of(), List.of(dev)).outcome());
            // Unusable evidence stays a run error.
            assertEquals(Outcome.RUN_ERROR, Gate.decide(SUPERIORITY, winRate(130, 0, 200), List.of(guard("error_rate_max", true)),
                    List.of(dev)).outcome());
        }
        assertTrue(Gate.decide(SUPERIORITY, winRate(130, 0, 200), List.of(), List.of(new Deviation(Deviation.Kind.INTERIM, "x")))
                .reasons().get(0).startsWith("Interim — not a decision"));
    }

    @Test
    void aChangedSeedCannotPassButCanFail() {
        Deviation seed = new Deviation(Deviation.Kind.DESIGN_CHANGED, "--seed 908 replaced the configured judge seed 42");
        assertEquals(Outcome.INCONCLUSIVE, Gate.decide(SUPERIORITY, winRate(130, 0, 200), List.of(), List.of(seed)).outcome());
        assertEquals(Outcome.FAIL, Gate.decide(SUPERIORITY, winRate(70, 0, 200), List.of(), List.of(seed)).outcome());
    }

    @Test
    void nonInferiorityUsesTheMargin() {
        // win rate 0.50, Wilson (0.4310, 0.5690) over n = 200: lower bound above 0.45 -> non-inferior
        Decision d = Gate.decide(NON_INFERIORITY, winRate(100, 0, 200), List.of());
        assertEquals(0.45, d.threshold(), 1e-12);
        assertEquals(Outcome.INCONCLUSIVE, d.outcome()); // 0.4310 < 0.45
        assertEquals(Outcome.PASS, Gate.decide(NON_INFERIORITY, winRate(1000, 0, 2000), List.of()).outcome()); // lower 0.478
        assertEquals(Outcome.FAIL, Gate.decide(NON_INFERIORITY, winRate(70, 0, 200), List.of()).outcome());
    }

    @Test
    void breachedGuardrailFailsAWinningRun() {
        Decision d = Gate.decide(SUPERIORITY, winRate(130, 0, 200), List.of(guard("latency_p95_increase_ms", true)));
        assertEquals(Outcome.FAIL, d.outcome());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("override")), String.valueOf(d.reasons()));
    }

    @Test
    void runHealthGuardrailGivesRunError() {
        Decision d = Gate.decide(SUPERIORITY, winRate(130, 0, 200),
                List.of(guard("latency_p95_increase_ms", true), guard("error_rate_max", true)));
        assertEquals(Outcome.RUN_ERROR, d.outcome());
        assertEquals(Outcome.RUN_ERROR, Gate.decide(SUPERIORITY, winRate(70, 0, 200), List.of(guard("unparseable_rate_max", true))).outcome());
    }

    @Test
    void unbreachedGuardrailsDoNotChangeTheOutcome() {
        assertEquals(Outcome.PASS, Gate.decide(SUPERIORITY, winRate(130, 0, 200), List.of(guard("error_rate_max", false))).outcome());
    }
}
