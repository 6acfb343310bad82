package dev.promptarena.decision;

import dev.promptarena.stats.Interval;
import dev.promptarena.stats.WinRateResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * The gate of a tournament: each candidate against the control exactly as {@link Gate} decides the two-variant case,
 * with Holm's step-down adjustment across candidates so that the chance of passing any candidate that is not better
 * stays at the policy's alpha. Holm by intervals: with m candidates not yet passed, each is judged on its interval at
 * level 1 − alpha/m; those whose lower bound clears the threshold pass and leave the family, and the rest are judged
 * again at alpha/(m − passed), until no more pass. A candidate that is not passed keeps the decision at the last level.
 * With one candidate this is {@link Gate#decide} at alpha, so a two-variant config decides as before.
 *
 * <p>The overall outcome is PASS when at least one candidate passes (the best-scoring one, by win rate against the
 * control, is named), else RUN_ERROR when any candidate's run health failed, else FAIL when every candidate failed,
 * else INCONCLUSIVE.
 */
public final class TournamentGate {
    private TournamentGate() {}

    /**
     * A candidate's evidence against the control.
     *
     * @param name       the candidate's variant name
     * @param primaryAt  its win rate against the control with the gate interval at a given alpha
     * @param guardrails its guardrail results (at their own pre-registered levels)
     */
    public record Candidate(String name, DoubleFunction<WinRateResult> primaryAt, List<GuardrailResult> guardrails) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(primaryAt, "primaryAt");
            guardrails = List.copyOf(guardrails);
        }
    }

    /**
     * @param name     the candidate
     * @param alpha    the Holm level its decision was taken at
     * @param decision the two-variant gate's decision at that level
     */
    public record CandidateDecision(String name, double alpha, Decision decision) {}

    /**
     * @param outcome    the tournament's outcome (exit code as in the two-variant case)
     * @param best       the best passing candidate, null when none passes
     * @param candidates every candidate's decision, in the order given
     */
    public record TournamentDecision(Outcome outcome, String best, List<CandidateDecision> candidates) {
        public TournamentDecision {
            candidates = List.copyOf(candidates);
        }
    }

    public static TournamentDecision decide(DecisionPolicy policy, List<Candidate> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("a tournament needs at least one candidate besides the control");
        Map<String, CandidateDecision> decided = new LinkedHashMap<>();
        List<Candidate> open = new ArrayList<>(candidates);
        while (true) {
            double level = policy.alpha() / open.size();
            List<Candidate> passing = open.stream().filter(c -> primaryPasses(policy, c, level)).toList();
            if (passing.isEmpty()) {
                for (Candidate c : open) decided.put(c.name(), decide(policy, c, level));
                break;
            }
            for (Candidate c : passing) decided.put(c.name(), decide(policy, c, level));
            open.removeAll(passing);
            if (open.isEmpty()) break;
        }
        List<CandidateDecision> ordered = candidates.stream().map(c -> decided.get(c.name())).toList();
        CandidateDecision best = ordered.stream().filter(d -> d.decision().outcome() == Outcome.PASS)
                .max(Comparator.comparingDouble(d -> d.decision().winRate())).orElse(null);
        return new TournamentDecision(overall(ordered, best), best == null ? null : best.name(), ordered);
    }

    private static boolean primaryPasses(DecisionPolicy policy, Candidate c, double level) {
        Interval ci = c.primaryAt().apply(level).gateInterval();
        return ci != null && ci.lower() > policy.threshold();
    }

    private static CandidateDecision decide(DecisionPolicy policy, Candidate c, double level) {
        DecisionPolicy adjusted = new DecisionPolicy(policy.test(), policy.margin(), level, policy.guardrails());
        return new CandidateDecision(c.name(), level, Gate.decide(adjusted, c.primaryAt().apply(level), c.guardrails()));
    }

    private static Outcome overall(List<CandidateDecision> decisions, CandidateDecision best) {
        if (best != null) return Outcome.PASS;
        if (decisions.stream().anyMatch(d -> d.decision().outcome() == Outcome.RUN_ERROR)) return Outcome.RUN_ERROR;
        if (decisions.stream().allMatch(d -> d.decision().outcome() == Outcome.FAIL)) return Outcome.FAIL;
        return Outcome.INCONCLUSIVE;
    }
}
