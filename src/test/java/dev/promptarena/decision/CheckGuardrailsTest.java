package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.OperationalMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckGuardrailsTest {
    static final OperationalMetrics OPS = new OperationalMetrics(Evidence.PRIMARY, 20, 0, 0.0, 20, 0, 0.0, 0, 100.0, 150.0, 50.0,
            null, null, null, 0, 10.0, 12.0, 0.2, 0.0, 0.0, null, null);

    @Test
    void checkDropIsAsPassRateMinusBsAndBreachesOnlyAboveTheLimit() {
        CheckSummary json = new CheckSummary("valid_json", 20, 18, 15, 4, 1, 0.375, 0.25, false);
        List<GuardrailResult> r = Guardrails.evaluate(List.of(new GuardrailSpec(GuardrailSpec.CHECK_PASS_DROP, 0.1, "valid_json"),
                new GuardrailSpec(GuardrailSpec.CHECK_PASS_DROP, 0.15, "valid_json")), OPS, List.of(json), null);
        assertEquals("check_pass_drop_max.valid_json", r.get(0).metric());
        assertEquals(0.15, r.get(0).observed(), 1e-12);
        assertTrue(r.get(0).breached());
        assertFalse(r.get(1).breached(), "equal to the limit is not a breach");
        assertTrue(r.get(0).detail().contains("A 18/20, B 15/20"), r.get(0).detail());
        assertFalse(Guardrails.RUN_HEALTH.contains(r.get(0).metric()), "a check regression is a FAIL, not a run error");
    }

    @Test
    void aCheckWithoutPairsIsNotMeasurableAndNotBreached() {
        GuardrailResult r = Guardrails.evaluate(List.of(new GuardrailSpec(GuardrailSpec.CHECK_PASS_DROP, 0, "gone")), OPS, List.of(), null).get(0);
        assertNull(r.observed());
        assertFalse(r.breached());
        assertTrue(r.detail().contains("not measurable"));
    }

    @Test
    void similarityDropIsAsMeanMinusBs() {
        SimilaritySummary s = new SimilaritySummary(30, 0.80, 0.74, -0.06, -0.09, -0.03, 0.001, 0.95);
        GuardrailResult r = Guardrails.evaluate(List.of(new GuardrailSpec(GuardrailSpec.SIMILARITY_DROP, 0.05)), OPS, List.of(), s).get(0);
        assertEquals(0.06, r.observed(), 1e-12);
        assertTrue(r.breached());
        assertNull(Guardrails.evaluate(List.of(new GuardrailSpec(GuardrailSpec.SIMILARITY_DROP, 0.05)), OPS, List.of(), null).get(0).observed());
    }

    @Test
    void scalarGuardrailsWorkAsBeforeBesideCheckGuardrails() {
        List<GuardrailResult> r = Guardrails.evaluate(List.of(new GuardrailSpec("latency_p95_increase_ms", 40),
                new GuardrailSpec("length_growth_max", 0.3)), OPS);
        assertEquals("latency_p95_increase_ms", r.get(0).metric());
        assertTrue(r.get(0).breached());
        assertFalse(r.get(1).breached());
    }

    @Test
    void onlyTheCheckGuardrailNamesACheck() {
        assertThrows(IllegalArgumentException.class, () -> new GuardrailSpec(GuardrailSpec.CHECK_PASS_DROP, 0));
        assertThrows(IllegalArgumentException.class, () -> new GuardrailSpec("error_rate_max", 0, "x"));
        assertEquals("error_rate_max", new GuardrailSpec("error_rate_max", 0).key());
    }
}
