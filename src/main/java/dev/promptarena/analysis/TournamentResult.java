package dev.promptarena.analysis;

import dev.promptarena.decision.TournamentGate.TournamentDecision;
import dev.promptarena.stats.tournament.PairWinRate;
import dev.promptarena.stats.tournament.TournamentRanking;
import java.util.List;

/**
 * A tournament's analysis.
 *
 * @param variants  variant names, control first; the indices of {@code ranking} and {@code winRates}
 * @param ranking   Bradley–Terry ranking with bootstrap intervals and P(best) (exploratory: the gate does not use it)
 * @param winRates  the pairwise win-rate matrix, one entry per pair that played
 * @param pairs     each pairing's two-variant analysis (axes, order bias, guardrails), in the order given
 * @param decision  the gate: each candidate against the control, Holm across candidates (primary)
 */
public record TournamentResult(List<String> variants, TournamentRanking ranking, List<PairWinRate> winRates,
                               List<PairAnalysis> pairs, TournamentDecision decision) {
    /** One pairing's two-variant analysis, {@code a} in the A role. */
    public record PairAnalysis(String a, String b, AnalysisResult analysis) {}

    public TournamentResult {
        variants = List.copyOf(variants);
        winRates = List.copyOf(winRates);
        pairs = List.copyOf(pairs);
    }
}
