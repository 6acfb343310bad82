package dev.promptarena.decision;

import java.util.List;
import java.util.Objects;

/**
 * One guardrail: a limit on a metric. Metric names are documented in the README.
 *
 * @param metric the metric key, e.g. {@code latency_p95_increase_ms}
 * @param limit  the largest acceptable value
 */
public record GuardrailSpec(String metric, double limit) {
    /** Metric keys a guardrail may name. */
    public static final List<String> METRICS = List.of(
            "latency_p95_increase_ms", "cost_per_case_increase_usd", "error_rate_max",
            "unparseable_rate_max", "length_growth_max", "axis_drop_max", "truncation_rate_max");

    public GuardrailSpec {
        Objects.requireNonNull(metric, "metric");
        if (!METRICS.contains(metric)) throw new IllegalArgumentException("unknown guardrail metric: " + metric);
        if (Double.isNaN(limit)) throw new IllegalArgumentException("limit must be a number");
    }

    /** Guardrails that apply when the config names none: failures must stay rare. */
    public static List<GuardrailSpec> defaults() {
        return List.of(new GuardrailSpec("error_rate_max", 0.05), new GuardrailSpec("unparseable_rate_max", 0.05));
    }
}
