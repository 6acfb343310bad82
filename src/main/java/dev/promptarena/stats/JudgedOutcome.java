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

    /**
     * Applies {@link VerdictCombiner} to every outcome: a read-only list that keeps a verdict byte per outcome and
     * builds each judged outcome when read ({@link JudgedOutcomes}).
     */
    public static List<JudgedOutcome> of(List<CaseOutcome> outcomes) {
        return new JudgedOutcomes(outcomes);
    }
}
