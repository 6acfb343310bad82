package dev.promptarena.stats;

import java.util.List;
import java.util.Objects;

/**
 * An outcome with its combined verdict.
 *
 * @param outcome the recorded outcome
 * @param verdict the verdict from {@link VerdictCombiner}
 */
public record JudgedOutcome(CaseOutcome outcome, Verdict verdict) {
    public JudgedOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Applies {@link VerdictCombiner} to every outcome. */
    public static List<JudgedOutcome> of(List<CaseOutcome> outcomes) {
        return outcomes.stream().map(o -> new JudgedOutcome(o, VerdictCombiner.combine(o))).toList();
    }
}
