package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.OneSidedBounds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operational guardrails' one-sided bounds against src/test/resources/reference/guardrails.py (scipy 1.10.1,
 * statsmodels 0.13.5): the Wilson bound to 1e-12, the t bound to a relative 1e-7 (the
 * accuracy of commons-math3's t quantile), and the bootstraps within Monte Carlo
 * error (0.1 bootstrap standard errors: with 20,000 resamples a 2.5% quantile's own Monte Carlo error is about 0.02 of them).
 */
class OperationalBoundsTest {
    private static final double G = 0.025;
    private static final int N = 40;

    private static GuardrailSamples samples() {
        double[][] la = new double[N][], lb = new double[N][];
        double[] wa = new double[N], wb = new double[N], cost = new double[N];
        for (int i = 0; i < N; i++) {
            la[i] = new double[] {200 + (i * 37 % 101) * 3};
            lb[i] = new double[] {210 + (i * 53 % 97) * 3};
            wa[i] = 20 + (i * 7) % 40;
            wb[i] = 22 + (i * 13 + 5) % 40;
            cost[i] = ((i * 29) % 17 - 8) * 1e-5 + 2e-5;
        }
        return new GuardrailSamples(Map.of(), cost.clone(), cost, la, lb, wa, wb, 7, 200, new double[0], new double[0], 42, 20_000);
    }

    @Test
    void wilsonBoundOnBsTruncationRate() {
        // proportion_confint(x, n, alpha=0.05, method="wilson")
        assertEquals(0.0, OneSidedBounds.proportionLower(0, 200, G), 1e-12);
        assertEquals(0.01884532637726658, OneSidedBounds.proportionUpper(0, 200, G), 1e-12);
        assertEquals(0.01705554200856719, OneSidedBounds.proportionLower(7, 200, G), 1e-12);
        assertEquals(0.07047061152229073, OneSidedBounds.proportionUpper(7, 200, G), 1e-12);
        assertEquals(0.10713593562241994, OneSidedBounds.proportionLower(30, 200, G), 1e-12);
        assertEquals(0.1986423352431055, OneSidedBounds.proportionUpper(3, 40, G), 1e-12);
        assertNull(OneSidedBounds.proportionLower(0, 0, G));
        assertEquals(0.01705554200856719, OperationalBounds.of("truncation_rate_max", samples(), true, G).value(), 1e-12);
    }

    @Test
    void withRepeatsTruncationIsBoundedResamplingCases() {
        // 40 cases x 3 repeats; truncation is a property of the case (all three or none), 6 cases: 18 of 120 outcomes.
        double[] trunc = new double[N], paired = new double[N];
        for (int i = 0; i < N; i++) { paired[i] = 3; trunc[i] = i % 7 == 0 ? 3 : 0; }
        GuardrailSamples s = new GuardrailSamples(Map.of(), new double[0], new double[0], new double[0][], new double[0][], new double[0],
                new double[0], 18, 120, trunc, paired, 42, 20_000);
        OperationalBounds.Bound upper = OperationalBounds.of("truncation_rate_max", s, false, G);
        assertTrue(upper.what().contains("bootstrap") && upper.what().contains("40 cases"), upper.what());
        // Wilson on 120 outcomes treats the repeats as independent: its upper bound is too low for 40 correlated cases.
        assertTrue(upper.value() > OneSidedBounds.proportionUpper(18, 120, G) + 0.03,
                upper.value() + " vs Wilson " + OneSidedBounds.proportionUpper(18, 120, G));
    }

    @Test
    void tBoundOnPerCaseCostDifferences() {
        // mean -/+ stats.t.ppf(0.975, 39) * sd / sqrt(40)
        assertEquals(3.0535679232318893e-06, OperationalBounds.of("cost_per_case_increase_usd", samples(), true, G).value(), 3e-13);
        assertEquals(3.494643207676811e-05, OperationalBounds.of("cost_per_case_increase_usd", samples(), false, G).value(), 3.5e-12);
        // The similarity guardrail uses the same bound on its own per-case differences (here the same numbers).
        assertEquals(3.0535679232318893e-06, OperationalBounds.of(GuardrailSpec.SIMILARITY_DROP, samples(), true, G).value(), 3e-13);
    }

    @Test
    void percentileBootstrapOfTheP95Difference() {
        // stats.bootstrap(..., method="percentile", confidence_level=0.95), 200,000 resamples: -50.45, 25.15, SE 19.23
        double se = 19.23271094716526;
        OperationalBounds.Bound lo = OperationalBounds.of("latency_p95_increase_ms", samples(), true, G);
        assertEquals(-50.44999999999999, lo.value(), 0.1 * se);
        assertEquals(25.149999999999977, OperationalBounds.of("latency_p95_increase_ms", samples(), false, G).value(), 0.1 * se);
        assertEquals(1 - G, lo.level(), 1e-12);
        assertTrue(lo.what().contains("percentile bootstrap"), lo.what());
    }

    @Test
    void bcaBootstrapOfTheLengthRatio() {
        // stats.bootstrap((b, a), sum(b)/sum(a) - 1, method="BCa", confidence_level=0.95), 200,000 resamples
        double se = 0.0650800636442812;
        assertEquals(-0.0683156654888104, OperationalBounds.of("length_growth_max", samples(), true, G).value(), 0.1 * se);
        assertEquals(0.18682434506163303, OperationalBounds.of("length_growth_max", samples(), false, G).value(), 0.1 * se);
    }

    @Test
    void modesDecideOnTheBoundAndEveryResultCarriesIt() {
        // Observed growth 0.0506 over a limit of 0: the point rule would breach; harm_proven needs the lower bound above 0.
        GuardrailResult harm = evaluate(new GuardrailSpec("length_growth_max", 0.0), samples());
        assertFalse(harm.breached(), harm.detail());
        assertEquals(GuardrailSpec.Mode.HARM_PROVEN, harm.mode());
        assertTrue(harm.bound() < 0 && harm.detail().contains("harm_proven"), harm.detail());
        // safety_proven at 0.1: the upper bound 0.187 is above it, so B is not shown within the limit.
        GuardrailResult safety = evaluate(new GuardrailSpec("length_growth_max", 0.1, null, GuardrailSpec.Mode.SAFETY_PROVEN), samples());
        assertTrue(safety.breached(), safety.detail());
        assertTrue(evaluate(new GuardrailSpec("latency_p95_increase_ms", 20, null, GuardrailSpec.Mode.SAFETY_PROVEN), samples()).breached());
        assertFalse(evaluate(new GuardrailSpec("latency_p95_increase_ms", 30, null, GuardrailSpec.Mode.SAFETY_PROVEN), samples()).breached());
        // Truncation: 7 of 200 (3.5%) against 1%: lower bound 1.7% clears it, so harm is proven.
        assertTrue(evaluate(new GuardrailSpec("truncation_rate_max", 0.01), samples()).breached());
        assertFalse(evaluate(new GuardrailSpec("truncation_rate_max", 0.02), samples()).breached());
        // Run health keeps the point estimate: no bound.
        assertNull(evaluate(new GuardrailSpec("error_rate_max", 0.05), samples()).bound());
    }

    /** The observed values come from CheckGuardrailsTest.OPS; the bounds from the samples. */
    private static GuardrailResult evaluate(GuardrailSpec spec, GuardrailSamples s) {
        return Guardrails.evaluate(List.of(spec), CheckGuardrailsTest.OPS, List.of(), null, s, G).get(0);
    }
}
