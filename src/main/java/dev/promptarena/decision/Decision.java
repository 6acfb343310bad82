package dev.promptarena.decision;

import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import java.util.List;

/**
 * The gate's decision.
 *
 * @param outcome       PASS, FAIL, INCONCLUSIVE or RUN_ERROR
 * @param role          always {@link Evidence#PRIMARY}
 * @param test          superiority or non-inferiority
 * @param threshold     the win rate the interval is compared with (0.5, or 0.5 − margin)
 * @param winRate       B's observed tie-half win rate; null when nothing was scored
 * @param interval      the (1 − alpha) interval used; null when nothing was scored
 * @param casesNeeded   when INCONCLUSIVE: roughly how many judged cases a decisive answer would need
 *                      (80% power) if the observed win rate and tie rate were the truth; null otherwise
 *                      or when the observed rate sits exactly on the threshold
 * @param guardrails    every guardrail with its observed value
 * @param reasons       plain sentences explaining the outcome
 */
public record Decision(Outcome outcome, Evidence role, DecisionPolicy.Test test, double threshold, Double winRate,
                       Interval interval, Integer casesNeeded, List<GuardrailResult> guardrails, List<String> reasons) {
    public Decision {
        guardrails = List.copyOf(guardrails);
        reasons = List.copyOf(reasons);
    }
}
