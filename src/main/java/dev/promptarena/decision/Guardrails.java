package dev.promptarena.decision;

import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.OperationalMetrics;
import java.util.List;
import java.util.Map;

/**
 * Checks guardrails against the run's {@link OperationalMetrics}, rubric check summaries and
 * similarity summary. A metric the run cannot measure (no data) is reported with a null value and not breached.
 *
 * <p>The quality and operational guardrails ({@link GuardrailSpec#WITH_INTERVAL}) are decided on a one-sided interval at
 * the policy's guardrail level γ (default alpha/2): in {@code harm_proven} mode (the default) a guardrail is breached
 * only when the lower bound is above the limit, so under a harmless change it breaches at most γ of the time; in
 * {@code safety_proven} mode it is breached unless the upper bound is at or below the limit. The axis guardrail
 * bounds every axis at γ / (number of axes) (Bonferroni), since the largest drop of several axes is tested. The
 * run-health guardrails ({@link #RUN_HEALTH}) compare the point estimate with the limit (breached when strictly
 * greater): they limit what happened in this run, not what B would do.
 */
public final class Guardrails {
    /** Guardrails whose breach means the evidence is unusable (RUN_ERROR) rather than that B is worse. */
    public static final List<String> RUN_HEALTH = List.of("error_rate_max", "unparseable_rate_max");

    private Guardrails() {}

    /** One result per spec, in the order given. */
    public static List<GuardrailResult> evaluate(List<GuardrailSpec> specs, OperationalMetrics m) {
        return evaluate(specs, m, List.of(), null);
    }

    /**
     * As {@link #evaluate(List, OperationalMetrics)}, also measuring the check and similarity guardrails.
     *
     * @param checks     per-check summaries (empty when the rubric has no checks)
     * @param similarity the similarity summary, or null when no similarity was computed
     */
    public static List<GuardrailResult> evaluate(List<GuardrailSpec> specs, OperationalMetrics m, List<CheckSummary> checks,
                                                 SimilaritySummary similarity) {
        return specs.stream().map(s -> evaluate(s, m, checks, similarity)).toList();
    }

    /**
     * As {@link #evaluate(List, OperationalMetrics, List, SimilaritySummary)}, deciding the guardrails that have an
     * interval on it.
     *
     * @param axisDrops per rubric axis, the per-case differences mean score of A − mean score of B
     * @param gamma     one-sided level of the intervals ({@link DecisionPolicy#guardrailLevel()})
     */
    public static List<GuardrailResult> evaluate(List<GuardrailSpec> specs, OperationalMetrics m, List<CheckSummary> checks,
                                                 SimilaritySummary similarity, Map<String, double[]> axisDrops, double gamma) {
        return evaluate(specs, m, checks, similarity, GuardrailSamples.ofAxisDrops(axisDrops), gamma);
    }

    /**
     * As {@link #evaluate(List, OperationalMetrics, List, SimilaritySummary, Map, double)}, with every guardrail's per-case
     * data, so each guardrail with an interval is decided on it.
     */
    public static List<GuardrailResult> evaluate(List<GuardrailSpec> specs, OperationalMetrics m, List<CheckSummary> checks,
                                                 SimilaritySummary similarity, GuardrailSamples samples, double gamma) {
        return specs.stream().map(s -> {
            GuardrailResult point = evaluate(s, m, checks, similarity);
            GuardrailResult bounded = GuardrailBounds.decide(s, point, checks, samples, gamma);
            return bounded != null ? bounded : point;
        }).toList();
    }

    private static GuardrailResult evaluate(GuardrailSpec spec, OperationalMetrics m, List<CheckSummary> checks, SimilaritySummary sim) {
        Double observed;
        String what;
        switch (spec.metric()) {
            case GuardrailSpec.CHECK_PASS_DROP -> {
                CheckSummary c = checks.stream().filter(x -> x.name().equals(spec.check())).findFirst().orElse(null);
                observed = c == null || c.pairs() == 0 ? null : (double) (c.passA() - c.passB()) / c.pairs();
                what = "A's pass rate of check " + spec.check() + " minus B's" + (c == null || c.pairs() == 0 ? ""
                        : String.format(" (A %d/%d, B %d/%d; McNemar p = %.3g)", c.passA(), c.pairs(), c.passB(), c.pairs(), c.pValue()));
            }
            case GuardrailSpec.SIMILARITY_DROP -> {
                observed = sim == null || sim.cases() == 0 ? null : sim.meanA() - sim.meanB();
                what = "A's mean similarity to the references minus B's" + (sim == null || sim.cases() == 0 ? ""
                        : String.format(" (A %.4f, B %.4f over %d cases)", sim.meanA(), sim.meanB(), sim.cases()));
            }
            case "latency_p95_increase_ms" -> { observed = m.latencyP95Increase(); what = "p95 latency of B minus p95 latency of A, in ms"; }
            case "cost_per_case_increase_usd" -> { observed = m.costPerCaseIncrease(); what = "mean generation cost per case of B minus A, in USD"; }
            case "error_rate_max" -> { observed = m.errorRate(); what = "share of cases where A or B failed to generate or every judge call failed"; }
            case "unparseable_rate_max" -> { observed = m.unparseableRate(); what = "share of judge votes that could not be parsed"; }
            case "length_growth_max" -> { observed = m.lengthGrowth(); what = "B's mean length in words over A's, minus 1"; }
            case "axis_drop_max" -> {
                observed = m.largestAxisDrop();
                what = "largest drop of an axis mean score from A to B" + (m.largestAxisDropName() == null ? "" : " (" + m.largestAxisDropName() + ")");
            }
            case "truncation_rate_max" -> { observed = m.truncationRateB(); what = "share of B's outputs cut at the token limit"; }
            default -> throw new IllegalArgumentException("unknown guardrail metric: " + spec.metric());
        }
        boolean breached = observed != null && observed > spec.limit();
        String detail = observed == null
                ? String.format("%s: not measurable in this run (%s).", spec.key(), what)
                : String.format("%s: %s is %.4g, limit %.4g%s.", spec.key(), what, observed, spec.limit(), breached ? ", breached" : "");
        return new GuardrailResult(spec.key(), Evidence.PRIMARY, observed, spec.limit(), breached, detail);
    }
}
