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

    /** The reason of a gate on the human-corrected win rate that was given no labels (it refuses to decide). */
    public static final String NO_LABELS = "No decision: the pre-registered metric is the human-corrected win rate, and no human"
            + " labels were given. Label cases (prompt-arena label RUN_DIR --n 60 --out to-label.csv), then decide with"
            + " prompt-arena report RUN_DIR --labels FILE.";

    private Gate() {}

    /**
     * @param policy     the pre-registered policy
     * @param primary    the win rate computed at {@code policy.alpha()}
     * @param guardrails guardrail results from {@link Guardrails#evaluate}
     */
    public static Decision decide(DecisionPolicy policy, WinRateResult primary, List<GuardrailResult> guardrails) {
        return decide(policy, primary, guardrails, List.of());
    }

    /**
     * As {@link #decide(DecisionPolicy, WinRateResult, List)}, then applies the run's departures from its design:
     * an incomplete run or an interim look is INCONCLUSIVE whatever the evidence says (a run error stays one),
     * and a changed design turns a PASS into INCONCLUSIVE. Each departure is the first reason given.
     */
    public static Decision decide(DecisionPolicy policy, WinRateResult primary, List<GuardrailResult> guardrails, List<Deviation> deviations) {
        return withDeviations(decideComplete(policy, primary, guardrails), deviations);
    }

    /**
     * Applies the run's departures from its design to a decision of the complete-run rule (the fixed gate's or the
     * sequential design's), so both treat an interim look, an incomplete run and a changed design alike.
     */
    public static Decision withDeviations(Decision d, List<Deviation> deviations) {
        if (deviations.isEmpty()) return d;
        List<String> reasons = new ArrayList<>();
        boolean nothing = deviations.stream().anyMatch(Deviation::decidesNothing);
        boolean interim = deviations.stream().anyMatch(x -> x.kind() == Deviation.Kind.INTERIM);
        for (Deviation x : deviations) {
            reasons.add(switch (x.kind()) {
                case INTERIM -> "Interim — not a decision: " + x.detail() + ".";
                case INCOMPLETE -> "Incomplete run, not the pre-registered test: " + x.detail() + ". Resume it to decide.";
                case SHARD -> "One shard, not the pre-registered test: " + x.detail() + ".";
                case DESIGN_CHANGED -> "Deviation from the pre-registered design: " + x.detail() + "; such a run cannot PASS.";
            });
        }
        Outcome outcome = d.outcome();
        if (outcome != Outcome.RUN_ERROR && (nothing || outcome == Outcome.PASS)) {
            if (outcome != Outcome.INCONCLUSIVE) {
                reasons.add(String.format("The evidence so far would say %s%s.", outcome, interim ? " at this look" : ""));
            }
            outcome = Outcome.INCONCLUSIVE;
        }
        reasons.addAll(d.reasons());
        return new Decision(outcome, d.role(), d.test(), d.threshold(), d.winRate(), d.interval(), d.casesNeeded(), d.guardrails(), reasons);
    }

    private static Decision decideComplete(DecisionPolicy policy, WinRateResult primary, List<GuardrailResult> guardrails) {
        double threshold = policy.threshold();
        List<String> reasons = new ArrayList<>();
        Interval ci = primary.gateInterval();
        List<GuardrailResult> health = guardrails.stream().filter(g -> g.breached() && Guardrails.RUN_HEALTH.contains(g.metric())).toList();
        List<GuardrailResult> other = guardrails.stream().filter(g -> g.breached() && !Guardrails.RUN_HEALTH.contains(g.metric())).toList();
        health.forEach(g -> reasons.add("Run error: " + g.detail() + " The run's evidence is not usable; fix the failures and re-run."));
        other.forEach(g -> reasons.add("Guardrail breached: " + g.detail()));
        Outcome primaryOutcome;
        Integer needed = null;
        String metric = switch (policy.metric()) {
            case LENGTH_CONTROLLED_WIN_RATE -> "length-controlled win rate";
            case HUMAN_CORRECTED_WIN_RATE -> "human-corrected win rate";
            case WIN_RATE -> "win rate";
        };
        String claim = policy.test() == DecisionPolicy.Test.SUPERIORITY ? "better than A"
                : String.format("no worse than A by more than the margin %.3f", policy.margin());
        if (ci == null) {
            primaryOutcome = Outcome.INCONCLUSIVE;
            reasons.add(policy.metric() == DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE ? NO_LABELS
                    : primary.scored() > 0 && policy.metric() == DecisionPolicy.Metric.LENGTH_CONTROLLED_WIN_RATE
                    ? "The pre-registered metric is the length-controlled win rate, which this run cannot estimate (see the verbosity section)."
                    : "No outcome could be scored, so there is no evidence about the win rate.");
        } else if (ci.lower() > threshold) {
            primaryOutcome = Outcome.PASS;
            reasons.add(String.format("B's " + metric + " is %.3f with %.0f%% interval %.3f-%.3f (%s, n = %d scored); the lower bound is above %.3f, so B is %s.",
                    primary.estimate(), 100 * ci.level(), ci.lower(), ci.upper(), ci.method(), primary.scored(), threshold, claim));
        } else if (ci.upper() < threshold) {
            primaryOutcome = Outcome.FAIL;
            reasons.add(String.format("B's " + metric + " is %.3f with %.0f%% interval %.3f-%.3f (%s, n = %d scored); the upper bound is below %.3f, so B is worse than the threshold.",
                    primary.estimate(), 100 * ci.level(), ci.lower(), ci.upper(), ci.method(), primary.scored(), threshold));
        } else {
            primaryOutcome = Outcome.INCONCLUSIVE;
            // The judge-only sample size says nothing about how many labels the corrected rate needs (calibrate does).
            needed = policy.metric() == DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE ? null : casesNeeded(policy, primary);
            reasons.add(String.format("B's " + metric + " is %.3f with %.0f%% interval %.3f-%.3f (%s, n = %d scored), which contains %.3f: not enough evidence either way.%s",
                    primary.estimate(), 100 * ci.level(), ci.lower(), ci.upper(), ci.method(), primary.scored(), threshold,
                    needed == null ? "" : String.format(" A win rate of %.3f (the pre-registered minimum effect) would need about %d cases"
                            + " for %.0f%% power in a new pre-registered run; extending this one would not control alpha.",
                            threshold + policy.minEffect(), needed, 100 * PLANNING_POWER)));
        }
        Outcome outcome = !health.isEmpty() ? Outcome.RUN_ERROR : !other.isEmpty() ? Outcome.FAIL : primaryOutcome;
        if (outcome != primaryOutcome && primaryOutcome == Outcome.PASS) {
            reasons.add("The win rate alone would pass, but breached guardrails override it.");
        }
        return new Decision(outcome, Evidence.PRIMARY, policy.test(), threshold, primary.estimate(), ci, needed, guardrails, reasons);
    }

    /**
     * Cases a new run would need to detect the pre-registered minimum effect (null without one): the win-rate
     * sample size at the observed tie rate, times the design effect of repeats (the squared ratio of the cluster
     * bootstrap's width to the independent-outcome interval's) and divided by the repeats per case.
     */
    private static Integer casesNeeded(DecisionPolicy policy, WinRateResult primary) {
        if (policy.minEffect() == null) return null;
        try {
            double outcomes = SampleSize.winRate(policy.threshold() + policy.minEffect(), primary.tieRate(), policy.threshold(),
                    policy.alpha(), PLANNING_POWER);
            double perCase = primary.cases() == 0 ? 1 : primary.scored() / (double) primary.cases();
            double deff = 1;
            Interval iid = primary.tieAware();
            if (perCase > 1 && iid != null && primary.bootstrap() != null && iid.upper() > iid.lower()) {
                Interval b = primary.bootstrap().interval();
                deff = Math.max(1, Math.pow((b.upper() - b.lower()) / (iid.upper() - iid.lower()), 2));
            }
            return (int) Math.ceil(outcomes * deff / perCase);
        } catch (IllegalArgumentException e) {
            return null; // the minimum effect is impossible at the observed tie rate: no meaningful estimate
        }
    }
}
