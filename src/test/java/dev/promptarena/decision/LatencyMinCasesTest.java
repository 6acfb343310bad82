package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.QuantileBootstrap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Below {@link QuantileBootstrap#MIN_CASES} cases the latency p95 guardrail does not decide on its (then liberal)
 * bootstrap: harm_proven cannot show harm, safety_proven cannot show safety, and the detail says why.
 */
class LatencyMinCasesTest {
    private static GuardrailResult decide(int cases, GuardrailSpec.Mode mode) {
        double[][] a = new double[cases][], b = new double[cases][];
        // B is 1,000 ms slower on every case: a bound at 30 cases shows it, whatever the mode.
        for (int i = 0; i < cases; i++) { a[i] = new double[] {500 + 10 * i}; b[i] = new double[] {1500 + 10 * i}; }
        GuardrailSamples s = new GuardrailSamples(Map.of(), new double[0], new double[0], a, b, new double[0], new double[0], 0, 0,
                new double[0], new double[0], 1, 2000);
        return Guardrails.evaluate(List.of(new GuardrailSpec("latency_p95_increase_ms", 100, null, mode)), CheckGuardrailsTest.OPS,
                List.of(), null, s, 0.025).get(0);
    }

    @Test
    void withTooFewCasesNothingIsShownEitherWay() {
        GuardrailResult harm = decide(QuantileBootstrap.MIN_CASES - 1, GuardrailSpec.Mode.HARM_PROVEN);
        assertFalse(harm.breached(), harm.detail());
        assertNull(harm.bound());
        assertTrue(harm.detail().contains("not enough cases for a p95 bound (29, at least 30 needed)"), harm.detail());
        GuardrailResult safety = decide(QuantileBootstrap.MIN_CASES - 1, GuardrailSpec.Mode.SAFETY_PROVEN);
        assertTrue(safety.breached(), safety.detail());
        assertTrue(safety.detail().contains("not shown within the limit: breached"), safety.detail());
        assertEquals(GuardrailSpec.Mode.SAFETY_PROVEN, safety.mode());
    }

    @Test
    void fromThirtyCasesTheBootstrapBoundDecides() {
        GuardrailResult harm = decide(QuantileBootstrap.MIN_CASES, GuardrailSpec.Mode.HARM_PROVEN);
        assertNotNull(harm.bound());
        assertTrue(harm.bound() > 100 && harm.breached(), harm.detail());
    }
}
