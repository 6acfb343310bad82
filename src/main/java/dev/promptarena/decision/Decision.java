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
 * @param winRate       the primary estimate of B's tie-half win rate (position-adjusted); null when nothing was scored
 * @param interval      the (1 − alpha) interval used; null when nothing was scored
 * @param casesNeeded   when INCONCLUSIVE: how many cases a new pre-registered run would need for 80% power at
 *                      the pre-registered {@code decision.min_effect} (observed tie rate, repeats' design effect);
 *                      null otherwise or without a minimum effect
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
