package dev.promptarena.decision;

import java.util.List;
import java.util.Objects;

/**
 * One guardrail: a limit on a metric. Metric names are documented in the README and, for the
 * check and similarity guardrails, in docs/checks.md.
 *
 * @param metric the metric key, e.g. {@code latency_p95_increase_ms}
 * @param limit  the largest acceptable value
 * @param check  for {@code check_pass_drop_max}: the rubric check it limits; null for every other metric
 * @param mode   how the limit is tested where the metric has a one-sided interval ({@link #WITH_INTERVAL}); the
 *               run-health metrics compare the point estimate
 */
public record GuardrailSpec(String metric, double limit, String check, Mode mode) {
    /** How a guardrail with an interval is decided, at the policy's one-sided guardrail level. */
    public enum Mode {
        /** Breached only when the interval shows B worse than the limit (its lower bound above it): the default. */
        HARM_PROVEN,
        /** Breached unless the interval shows B within the limit (its upper bound at or below it). */
        SAFETY_PROVEN
    }

    /** Metrics decided on a one-sided interval; the rest compare the point estimate with the limit. */
    public static final List<String> WITH_INTERVAL = List.of("axis_drop_max", "check_pass_drop_max", "similarity_drop_max",
            "latency_p95_increase_ms", "cost_per_case_increase_usd", "length_growth_max", "truncation_rate_max");

    /** Limit on how far B's pass rate of one rubric check may fall below A's. */
    public static final String CHECK_PASS_DROP = "check_pass_drop_max";
    /** Limit on how far B's mean similarity to the references may fall below A's. */
    public static final String SIMILARITY_DROP = "similarity_drop_max";

    /** Metrics that are a share of cases (or a drop in one), so their limit lies in [0, 1]; every other limit is >= 0. */
    public static final List<String> RATES = List.of("error_rate_max", "unparseable_rate_max", "truncation_rate_max", CHECK_PASS_DROP);

    /** Metric keys a guardrail may name. */
    public static final List<String> METRICS = List.of(
            "latency_p95_increase_ms", "cost_per_case_increase_usd", "error_rate_max",
            "unparseable_rate_max", "length_growth_max", "axis_drop_max", "truncation_rate_max",
            CHECK_PASS_DROP, SIMILARITY_DROP);

    public GuardrailSpec {
        Objects.requireNonNull(metric, "metric");
        mode = mode == null ? Mode.HARM_PROVEN : mode;
        if (!METRICS.contains(metric)) throw new IllegalArgumentException("unknown guardrail metric: " + metric);
        if (Double.isNaN(limit)) throw new IllegalArgumentException("limit must be a number");
        // A limit outside its metric's range can never be met (a negative increase limit on a harmless change) or never
        // be breached (an infinite one): the gate would FAIL every run or check nothing, so the config is refused.
        if (RATES.contains(metric) && !(limit >= 0 && limit <= 1)) {
            throw new IllegalArgumentException(metric + " is a share of cases: give a limit from 0 to 1, got " + limit);
        }
        if (!(limit >= 0 && Double.isFinite(limit))) {
            throw new IllegalArgumentException(metric + " limits an increase or a drop: give a finite limit of 0 or more, got " + limit);
        }
        if (metric.equals(CHECK_PASS_DROP) == (check == null)) {
            throw new IllegalArgumentException(CHECK_PASS_DROP + " names exactly one check; other guardrails name none");
        }
    }

    /** A guardrail on a run-level metric (every metric but {@link #CHECK_PASS_DROP}). */
    public GuardrailSpec(String metric, double limit) { this(metric, limit, null, Mode.HARM_PROVEN); }

    /** A guardrail in the default mode, harm_proven. */
    public GuardrailSpec(String metric, double limit, String check) { this(metric, limit, check, Mode.HARM_PROVEN); }

    /** The key that identifies this guardrail in reports: the metric, plus {@code .check} for a check guardrail. */
    public String key() { return check == null ? metric : metric + "." + check; }

    /** Guardrails that apply when the config names none: failures must stay rare. */
    public static List<GuardrailSpec> defaults() {
        return List.of(new GuardrailSpec("error_rate_max", 0.05), new GuardrailSpec("unparseable_rate_max", 0.05));
    }
}
