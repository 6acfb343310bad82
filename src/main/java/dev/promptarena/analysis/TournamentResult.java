package dev.promptarena.analysis;

import dev.promptarena.decision.TournamentGate.TournamentDecision;
import dev.promptarena.stats.tournament.PairWinRate;
import dev.promptarena.stats.tournament.TournamentRanking;
import java.util.List;

/**
 * A tournament's analysis.
 *
 * @param variants  variant names, control first; the indices of {@code ranking} and {@code winRates}
 * @param ranking   Bradley–Terry ranking with bootstrap intervals and P(best) (exploratory: the gate does not use it);
 *                  null when the model has no finite fit, and then {@code rankingProblem} says why
 * @param winRates  the pairwise win-rate matrix, one entry per pair that played
 * @param pairs     each pairing's two-variant analysis (axes, order bias, guardrails), in the order given
 * @param decision  the gate: each candidate against the control, Holm across candidates (primary)
 * @param rankingProblem why there is no ranking (e.g. a variant won every comparison), null when there is one
 */
public record TournamentResult(List<String> variants, TournamentRanking ranking, List<PairWinRate> winRates,
                               List<PairAnalysis> pairs, TournamentDecision decision, String rankingProblem) {
    /**
     * One pairing's two-variant analysis, {@code a} in the A role; {@code adaptive} for an adaptive schedule's stage two
     * (exploratory: its pair was chosen from earlier votes, so the ranking and the gate leave it out).
     */
    public record PairAnalysis(String a, String b, AnalysisResult analysis,
                               @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT) boolean adaptive) {
        public PairAnalysis(String a, String b, AnalysisResult analysis) { this(a, b, analysis, false); }
    }

    public TournamentResult {
        variants = List.copyOf(variants);
        winRates = List.copyOf(winRates);
        pairs = List.copyOf(pairs);
        if ((ranking == null) == (rankingProblem == null)) throw new IllegalArgumentException("need a ranking or the reason there is none");
    }
}
