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
 * @param sequential the pre-registered sequential design ({@code decision.sequential:}), or null for a fixed design
 */
public record DecisionPolicy(Test test, double margin, double alpha, List<GuardrailSpec> guardrails,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             SequentialSpec sequential) {
    /** The primary hypothesis test. */
    public enum Test { SUPERIORITY, NON_INFERIORITY }

    public DecisionPolicy {
        Objects.requireNonNull(test, "test");
        if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha must be in (0, 0.5), got: " + alpha);
        if (!(margin >= 0 && margin < 0.5)) throw new IllegalArgumentException("margin must be in [0, 0.5), got: " + margin);
        guardrails = List.copyOf(guardrails);
    }

    /** A fixed-design policy. */
    public DecisionPolicy(Test test, double margin, double alpha, List<GuardrailSpec> guardrails) {
        this(test, margin, alpha, guardrails, null);
    }

    public static DecisionPolicy defaults() {
        return new DecisionPolicy(Test.SUPERIORITY, 0, 0.05, GuardrailSpec.defaults());
    }

    /** The win-rate threshold the interval must clear: 0.5 for superiority, 0.5 - margin otherwise. */
    public double threshold() { return test == Test.SUPERIORITY ? 0.5 : 0.5 - margin; }
}
