package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.OperationalMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailsTest {
    private static final OperationalMetrics METRICS = new OperationalMetrics(Evidence.PRIMARY, 100, 3, 0.03, 200, 12, 0.06, 1,
            400.0, 650.0, 250.0, 0.002, 0.0025, 0.0005, 0.5, 100.0, 130.0, 0.3, 0.0, 0.02, 0.4, "accuracy");

    @Test
    void everyMetricIsReadFromTheRightField() {
        List<GuardrailSpec> specs = List.of(
                new GuardrailSpec("latency_p95_increase_ms", 200), new GuardrailSpec("cost_per_case_increase_usd", 0.001),
                new GuardrailSpec("error_rate_max", 0.05), new GuardrailSpec("unparseable_rate_max", 0.05),
                new GuardrailSpec("length_growth_max", 0.25), new GuardrailSpec("axis_drop_max", 0.5),
                new GuardrailSpec("truncation_rate_max", 0.01));
        List<GuardrailResult> r = Guardrails.evaluate(specs, METRICS);
        double[] observed = {250.0, 0.0005, 0.03, 0.06, 0.3, 0.4, 0.02};
        boolean[] breached = {true, false, false, true, true, false, true};
        for (int i = 0; i < specs.size(); i++) {
            assertEquals(observed[i], r.get(i).observed(), 1e-12, specs.get(i).metric());
            assertEquals(breached[i], r.get(i).breached(), specs.get(i).metric());
        }
        assertTrue(r.get(5).detail().contains("accuracy"), r.get(5).detail());
    }

    @Test
    void unmeasurableMetricIsNotBreached() {
        OperationalMetrics empty = new OperationalMetrics(Evidence.PRIMARY, 0, 0, null, 0, 0, null, 0, null, null, null, null, null, null,
                0, null, null, null, null, null, null, null);
        GuardrailResult r = Guardrails.evaluate(List.of(new GuardrailSpec("latency_p95_increase_ms", 0)), empty).get(0);
        assertNull(r.observed());
        assertFalse(r.breached());
    }
}
