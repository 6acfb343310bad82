package dev.promptarena.decision;

import java.util.List;
import java.util.Objects;

/**
 * The pre-registered decision rule, fixed in the config before the run.
 *
 * @param test       superiority (B's win rate above 0.5) or non-inferiority (above 0.5 - margin)
 * @param margin     non-inferiority margin on the win rate (0 for superiority)
 * @param alpha      two-sided significance level; intervals are (1 - alpha)
 * @param guardrails limits that fail the gate whatever the primary metric says
 * @param minEffect  the smallest win-rate lift over the threshold worth detecting ({@code decision.min_effect}); an
 *                   INCONCLUSIVE run says how many cases that lift would need, rather than the observed one
 *                   (post-hoc power); null when not pre-registered
 * @param metric     the primary metric ({@code decision.metric}); null means {@link Metric#WIN_RATE}
 * @param guardrailAlpha one-sided level of the guardrails' intervals ({@code decision.guardrail_alpha}); null means
 *                   alpha / 2, the one-sided level of each claim of the primary test
 * @param sequential the pre-registered sequential design ({@code decision.sequential:}), or null for a fixed design
 */
public record DecisionPolicy(Test test, double margin, double alpha, List<GuardrailSpec> guardrails, Double minEffect,
                             Double guardrailAlpha, Metric metric,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             SequentialSpec sequential) {
    /** The pre-registered primary metric. */
    public enum Metric {
        /** B's tie-half win rate, position-adjusted, with the tie-aware interval. */
        WIN_RATE,
        /** The length-controlled win rate (Firth intercept at equal lengths), for a judge known to like length. */
        LENGTH_CONTROLLED_WIN_RATE,
        /**
         * The PPI++ human-corrected win rate from human labels ({@code --labels}), for a judge the labels show to be
         * biased; without labels the gate refuses to decide.
         */
        HUMAN_CORRECTED_WIN_RATE
    }

    /** The primary hypothesis test. */
    public enum Test { SUPERIORITY, NON_INFERIORITY }

    public DecisionPolicy {
        Objects.requireNonNull(test, "test");
        if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha must be in (0, 0.5), got: " + alpha);
        if (!(margin >= 0 && margin < 0.5)) throw new IllegalArgumentException("margin must be in [0, 0.5), got: " + margin);
        guardrails = List.copyOf(guardrails);
        metric = metric == null ? Metric.WIN_RATE : metric;
        if (minEffect != null && !(minEffect > 0 && minEffect < 0.5)) throw new IllegalArgumentException("min_effect must be in (0, 0.5), got: " + minEffect);
        if (guardrailAlpha != null && !(guardrailAlpha > 0 && guardrailAlpha < 0.5)) {
            throw new IllegalArgumentException("guardrail_alpha must be in (0, 0.5), got: " + guardrailAlpha);
        }
    }

    /** A policy with the default guardrail level. */
    public DecisionPolicy(Test test, double margin, double alpha, List<GuardrailSpec> guardrails, Double minEffect) {
        this(test, margin, alpha, guardrails, minEffect, null, null, null);
    }

    /** The one-sided level of the guardrails' intervals. */
    public double guardrailLevel() { return guardrailAlpha != null ? guardrailAlpha : alpha / 2; }

    /** A fixed-design policy without a pre-registered minimum effect. */
    public DecisionPolicy(Test test, double margin, double alpha, List<GuardrailSpec> guardrails) {
        this(test, margin, alpha, guardrails, null, null, null, null);
    }

    /** A policy with a sequential design (or null for a fixed one) and the defaults of issue 15's settings. */
    public DecisionPolicy(Test test, double margin, double alpha, List<GuardrailSpec> guardrails, SequentialSpec sequential) {
        this(test, margin, alpha, guardrails, null, null, null, sequential);
    }

    public static DecisionPolicy defaults() {
        return new DecisionPolicy(Test.SUPERIORITY, 0, 0.05, GuardrailSpec.defaults());
    }

    /** The win-rate threshold the interval must clear: 0.5 for superiority, 0.5 - margin otherwise. */
    public double threshold() { return test == Test.SUPERIORITY ? 0.5 : 0.5 - margin; }
}
