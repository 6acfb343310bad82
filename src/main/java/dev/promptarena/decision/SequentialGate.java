package dev.promptarena.decision;

import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.sequential.LookAction;
import dev.promptarena.stats.sequential.SequentialLook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision of a run under a registered sequential design: the replayed looks decide instead of the
 * fixed-design interval of {@link Gate}. Efficacy crossing → PASS, harm crossing → FAIL, futility stop or
 * the last look without a crossing → INCONCLUSIVE. Guardrails still override exactly as in {@link Gate}.
 * A run that has not finished (interim report, interrupted run) never passes: its status is "continue".
 */
public final class SequentialGate {
    private SequentialGate() {}

    /**
     * @param complete the run ended normally (all planned cases, or stopped by the design), so the replay is final
     * @param overRun  cases finished beyond the stop position (in flight at the stop; reported, not used)
     */
    public static Decision decide(DecisionPolicy policy, SequentialRegistration reg, SequentialReplay replay,
                                  List<GuardrailResult> guardrails, boolean complete, int overRun) {
        List<String> reasons = new ArrayList<>();
        List<GuardrailResult> health = guardrails.stream().filter(g -> g.breached() && Guardrails.RUN_HEALTH.contains(g.metric())).toList();
        List<GuardrailResult> other = guardrails.stream().filter(g -> g.breached() && !Guardrails.RUN_HEALTH.contains(g.metric())).toList();
        health.forEach(g -> reasons.add("Run error: " + g.detail() + " The run's evidence is not usable; fix the failures and re-run."));
        other.forEach(g -> reasons.add("Guardrail breached: " + g.detail()));
        SequentialLook last = replay.looks().isEmpty() ? null : replay.looks().get(replay.looks().size() - 1);
        Outcome primary = Outcome.INCONCLUSIVE;
        Double winRate = last == null ? null : last.winRate();
        Interval interval = last == null ? null : last.repeated();
        String design = reg.method() == SequentialSpec.Method.ANYTIME ? "anytime-valid confidence sequence"
                : String.format(Locale.ROOT, "group sequential, %s spending, %d looks", policy.sequential().spending().name().toLowerCase(Locale.ROOT),
                reg.boundaries().looks());
        if (reg.method() == SequentialSpec.Method.ANYTIME) {
            interval = Double.isNaN(replay.csLower()) ? null : new Interval(replay.csLower(), replay.csUpper(), 1 - policy.alpha(), "confidence sequence");
            // The naive win rate of the cases the sequence saw, as a group-sequential decision carries its last look's:
            // without it report.json's decision had an interval and no estimate, and `runs` showed no win rate.
            winRate = Double.isNaN(replay.csWinRate()) ? null : replay.csWinRate();
            if (complete && replay.stopped()) primary = replay.csLower() > 0.5 ? Outcome.PASS : Outcome.FAIL;
            reasons.add(String.format(Locale.ROOT, "Sequential design (%s): %s after %d of %d planned cases; interval %s.", design,
                    !complete ? "in progress, continue (not a decision)" : replay.stopped() ? "stopped, the interval excludes 0.5" : "no stop",
                    replay.stopAt(), reg.plannedCases(), interval == null ? "none yet" : fmt(interval)));
        } else if (last == null) {
            reasons.add(String.format(Locale.ROOT, "Sequential design (%s): no look reached yet (%s).", design,
                    complete ? "no scored case" : "continue, not a decision"));
        } else {
            String cmp = String.format(Locale.ROOT, "z = %.3f against efficacy boundary %.3f%s", last.z(), last.efficacy(),
                    Double.isNaN(last.lower()) ? "" : String.format(Locale.ROOT, " and harm boundary %.3f", last.lower()));
            String at = String.format(Locale.ROOT, "look %d of %d, %d scored of %d planned cases", last.look(), reg.boundaries().looks(),
                    last.cases(), reg.plannedCases());
            if (!complete) {
                reasons.add(String.format(Locale.ROOT, "Sequential design (%s): %s, %s: %s (interim, not a decision).", design, at, cmp,
                        last.action() == LookAction.CONTINUE ? "continue" : "a boundary is reached; the run stops here"));
            } else {
                primary = switch (last.action()) {
                    case STOP_EFFICACY -> Outcome.PASS;
                    case STOP_HARM -> Outcome.FAIL;
                    default -> Outcome.INCONCLUSIVE;
                };
                String verdict = switch (last.action()) {
                    case STOP_EFFICACY -> "crossed the efficacy boundary: B is better than A (PASS)";
                    case STOP_HARM -> "crossed the harm boundary: B is worse than A (FAIL)";
                    case STOP_FUTILITY -> "reached the futility boundary: B is unlikely to be shown better (INCONCLUSIVE, futility)";
                    case END -> "the last look crossed no boundary (INCONCLUSIVE)";
                    case CONTINUE -> "no boundary crossed and the planned looks were not all reached (INCONCLUSIVE)";
                };
                reasons.add(String.format(Locale.ROOT, "Sequential design (%s): stopped at %s: %s, %s.", design, at, cmp, verdict));
                if (!Double.isNaN(replay.adjustedWinRate())) {
                    // "Biased by the early stop" only when there was one: a stop (efficacy, harm, futility) before the last
                    // planned look. At the last look the run used every planned case; the estimate is still adjusted for the
                    // design's chances to stop earlier, but nothing stopped early.
                    boolean early = last.look() < reg.boundaries().looks() && last.action() != LookAction.CONTINUE && last.action() != LookAction.END;
                    reasons.add(String.format(Locale.ROOT, "Bias-adjusted (median-unbiased) win rate %.3f; naive %.3f%s; %s (the interval this decision uses).",
                            replay.adjustedWinRate(), last.winRate(), early ? String.format(Locale.ROOT, " is biased by the early stop at look %d of %d",
                                    last.look(), reg.boundaries().looks()) : " (the run reached its last planned look: no early stop)", fmt(last.repeated())));
                }
            }
        }
        if (overRun > 0) reasons.add(overRun + " cases were in flight at the stop (over-run): reported, not part of the sequential decision.");
        Outcome outcome = !health.isEmpty() ? Outcome.RUN_ERROR : !other.isEmpty() ? Outcome.FAIL : primary;
        if (outcome != primary && primary == Outcome.PASS) reasons.add("The sequential design alone would pass, but breached guardrails override it.");
        return new Decision(outcome, Evidence.PRIMARY, policy.test(), 0.5, winRate, interval, null, guardrails, reasons);
    }

    private static String fmt(Interval i) {
        return String.format(Locale.ROOT, "%.0f%% %s %.3f-%.3f", 100 * i.level(), i.method(), i.lower(), i.upper());
    }
}
