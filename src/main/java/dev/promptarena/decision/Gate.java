package dev.promptarena.decision;

import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.SampleSize;
import dev.promptarena.stats.WinRateResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-registered decision rule. Primary metric: B's tie-half win rate, with the (1 − alpha)
 * interval of {@link WinRateResult#gateInterval()} (Wilson; cluster bootstrap with repeats).
 * <ol>
 *   <li>A breached run-health guardrail ({@code error_rate_max}, {@code unparseable_rate_max}) gives
 *       RUN_ERROR: the evidence is unusable, whatever it seems to say.</li>
 *   <li>Otherwise any other breached guardrail gives FAIL, even when the win rate passes.</li>
 *   <li>Otherwise: lower bound &gt; threshold → PASS; upper bound &lt; threshold → FAIL (B is worse than
 *       the threshold); else INCONCLUSIVE. The threshold is 0.5 for superiority and 0.5 − margin for
 *       non-inferiority. Because the interval is two-sided at level 1 − alpha, each one-sided claim is
 *       tested at alpha / 2.</li>
 * </ol>
 */
public final class Gate {
    /** Power assumed when estimating how many cases an inconclusive run would have needed. */
    public static final double PLANNING_POWER = 0.8;

    private Gate() {}

    /**
     * @param policy     the pre-registered policy
     * @param primary    the win rate computed at {@code policy.alpha()}
     * @param guardrails guardrail results from {@link Guardrails#evaluate}
     */
    public static Decision decide(DecisionPolicy policy, WinRateResult primary, List<GuardrailResult> guardrails) {
        double threshold = policy.threshold();
        List<String> reasons = new ArrayList<>();
        Interval ci = primary.gateInterval();
        List<GuardrailResult> health = guardrails.stream().filter(g -> g.breached() && Guardrails.RUN_HEALTH.contains(g.metric())).toList();
        List<GuardrailResult> other = guardrails.stream().filter(g -> g.breached() && !Guardrails.RUN_HEALTH.contains(g.metric())).toList();
        health.forEach(g -> reasons.add("Run error: " + g.detail() + " The run's evidence is not usable; fix the failures and re-run."));
        other.forEach(g -> reasons.add("Guardrail breached: " + g.detail()));
        Outcome primaryOutcome;
        Integer needed = null;
        String claim = policy.test() == DecisionPolicy.Test.SUPERIORITY ? "better than A"
                : String.format("no worse than A by more than the margin %.3f", policy.margin());
        if (ci == null) {
            primaryOutcome = Outcome.INCONCLUSIVE;
            reasons.add("No outcome could be scored, so there is no evidence about the win rate.");
        } else if (ci.lower() > threshold) {
            primaryOutcome = Outcome.PASS;
            reasons.add(String.format("B's win rate is %.3f with %.0f%% interval %.3f-%.3f (%s, n = %d scored); the lower bound is above %.3f, so B is %s.",
                    primary.winRate(), 100 * ci.level(), ci.lower(), ci.upper(), ci.method(), primary.scored(), threshold, claim));
        } else if (ci.upper() < threshold) {
            primaryOutcome = Outcome.FAIL;
            reasons.add(String.format("B's win rate is %.3f with %.0f%% interval %.3f-%.3f (%s, n = %d scored); the upper bound is below %.3f, so B is worse than the threshold.",
                    primary.winRate(), 100 * ci.level(), ci.lower(), ci.upper(), ci.method(), primary.scored(), threshold));
        } else {
            primaryOutcome = Outcome.INCONCLUSIVE;
            needed = casesNeeded(primary.winRate(), primary.tieRate(), threshold, policy.alpha());
            reasons.add(String.format("B's win rate is %.3f with %.0f%% interval %.3f-%.3f (%s, n = %d scored), which contains %.3f: not enough evidence either way.%s",
                    primary.winRate(), 100 * ci.level(), ci.lower(), ci.upper(), ci.method(), primary.scored(), threshold,
                    needed == null ? "" : String.format(" If the observed win rate were the truth, about %d judged cases would give a decisive answer with %.0f%% power.",
                            needed, 100 * PLANNING_POWER)));
        }
        Outcome outcome = !health.isEmpty() ? Outcome.RUN_ERROR : !other.isEmpty() ? Outcome.FAIL : primaryOutcome;
        if (outcome != primaryOutcome && primaryOutcome == Outcome.PASS) {
            reasons.add("The win rate alone would pass, but breached guardrails override it.");
        }
        return new Decision(outcome, Evidence.PRIMARY, policy.test(), threshold, primary.winRate(), ci, needed, guardrails, reasons);
    }

    private static Integer casesNeeded(double winRate, double tieRate, double threshold, double alpha) {
        if (winRate == threshold) return null;
        try {
            return SampleSize.winRate(winRate, tieRate, threshold, alpha, PLANNING_POWER);
        } catch (IllegalArgumentException e) {
            return null; // observed rates outside the model (e.g. all ties): no meaningful estimate
        }
    }
}
