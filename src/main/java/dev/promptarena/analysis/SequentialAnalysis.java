package dev.promptarena.analysis;

import dev.promptarena.decision.Decision;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.Gate;
import dev.promptarena.decision.SequentialGate;
import dev.promptarena.decision.SequentialRegistration;
import dev.promptarena.decision.SequentialReplay;
import dev.promptarena.decision.SequentialSpec;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.JudgedOutcome;
import dev.promptarena.stats.sequential.LookAction;
import dev.promptarena.stats.sequential.SequentialLook;
import java.util.List;

/**
 * The sequential unit of the analysis stage: replays the registered design over the outcomes in case order
 * and replaces the fixed-design decision by the sequential one ({@link SequentialGate}). The same function
 * serves the run's monitor, interim reports, the final reports and {@code report <run-dir>}, so they agree.
 */
public final class SequentialAnalysis {
    private SequentialAnalysis() {}

    /** Tie-half scores of the outcomes (NaN for an outcome without a score), in the given order. */
    public static List<Double> scores(List<CaseOutcome> outcomes) {
        return JudgedOutcome.of(outcomes).stream().map(j -> j.verdict().score()).toList();
    }

    /** Replays the design on scores of the completed prefix of the case order. */
    public static SequentialReplay replay(DecisionPolicy policy, SequentialRegistration reg, List<Double> prefixScores) {
        List<Double> s = prefixScores.size() > reg.plannedCases() ? prefixScores.subList(0, reg.plannedCases()) : prefixScores;
        return reg.method() == SequentialSpec.Method.ANYTIME ? SequentialReplay.of(policy.sequential(), policy.alpha(), reg.plannedCases(), s)
                : SequentialReplay.of(reg.boundaries(), reg.plannedCases(), s);
    }

    /**
     * @param outcomes every recorded outcome in case order; for a run that ended normally they are a complete
     *                 prefix of the order (the run stops issuing cases in order), over-run cases after the stop
     * @param complete the run ended normally: not interim, not interrupted
     */
    public static AnalysisResult apply(AnalysisResult base, SequentialRegistration reg, List<CaseOutcome> outcomes, boolean complete) {
        DecisionPolicy policy = base.options().policy();
        SequentialReplay replay = replay(policy, reg, scores(outcomes));
        int overRun = complete && replay.stopped() ? outcomes.size() - replay.stopAt() : 0;
        Decision decision = Gate.withDeviations(SequentialGate.decide(policy, reg, replay, base.decision().guardrails(), complete, overRun),
                base.options().deviations());
        SequentialResult result = new SequentialResult(reg, replay.looks().stream().map(SequentialResult.Look::of).toList(),
                status(replay, complete), replay.stopAt(), overRun, SequentialResult.orNull(replay.adjustedWinRate()), decision.interval());
        return new AnalysisResult(base.options(), base.axisNames(), base.winRate(), base.axes(), base.orderBias(), base.verbosity(),
                base.segments(), base.operations(), decision, base.warnings(), base.checks(), base.similarity(), base.judgePanel(), result);
    }

    private static String status(SequentialReplay r, boolean complete) {
        if (!complete) return "continue";
        if (r.boundaries() == null) return r.stopped() ? (r.csLower() > 0.5 ? "stopped_efficacy" : "stopped_harm") : "ended";
        SequentialLook stop = r.looks().isEmpty() ? null : r.looks().get(r.looks().size() - 1);
        if (stop == null || stop.action() == LookAction.CONTINUE || stop.action() == LookAction.END) return "ended";
        return "stopped_" + switch (stop.action()) {
            case STOP_EFFICACY -> "efficacy";
            case STOP_HARM -> "harm";
            default -> "futility";
        };
    }

}
