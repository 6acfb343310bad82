package dev.promptarena.analysis;

import dev.promptarena.decision.TournamentGate;
import dev.promptarena.decision.TournamentGate.TournamentDecision;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.ClusterBootstrap;
import dev.promptarena.stats.JudgedOutcome;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.WinRateAnalysis;
import dev.promptarena.stats.Winner;
import dev.promptarena.stats.tournament.BradleyTerry;
import dev.promptarena.stats.tournament.Game;
import dev.promptarena.stats.tournament.GameResult;
import dev.promptarena.stats.tournament.GameTable;
import dev.promptarena.stats.tournament.TieModel;
import dev.promptarena.stats.tournament.TournamentBootstrap;
import dev.promptarena.stats.tournament.TournamentRanking;
import dev.promptarena.stats.tournament.WinRateMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses a tournament from its pairings' recorded outcomes. Each pairing gets the full two-variant analysis
 * ({@link ArenaAnalysis}); the control's pairings feed {@link TournamentGate}; every parseable vote becomes one
 * Bradley–Terry game (its presentation order kept, so the position term can absorb the judge's slot preference),
 * clustered by case for the bootstrap. Outcomes with a generation error are left out of the games, as they are out of
 * the win rate. An adaptive schedule's stage-two pairings get their two-variant analysis only.
 */
public final class TournamentAnalysis {
    private TournamentAnalysis() {}

    /**
     * @param variants variant names, control first
     * @param pairs    the pairings that were judged
     */
    public static TournamentResult analyze(List<String> variants, List<TournamentPair> pairs, List<String> axisNames,
                                           AnalysisOptions options, TieModel ties) {
        if (variants.size() < 2) throw new IllegalArgumentException("a tournament needs at least 2 variants, got: " + variants);
        String control = variants.get(0);
        List<TournamentResult.PairAnalysis> perPair = new ArrayList<>();
        List<TournamentGate.Candidate> candidates = new ArrayList<>();
        List<Game> games = new ArrayList<>();
        for (TournamentPair p : pairs) {
            int a = index(variants, p.a()), b = index(variants, p.b());
            AnalysisResult r = ArenaAnalysis.analyze(p.outcomes(), axisNames, options);
            perPair.add(new TournamentResult.PairAnalysis(p.a(), p.b(), r, p.adaptive()));
            // An adaptive stage's pairing was chosen from earlier votes: its own analysis is shown, but the ranking and the
            // gate keep to the design fixed in advance, so their intervals and error rates hold without weighting.
            if (p.adaptive()) continue;
            if (p.a().equals(control)) {
                List<JudgedOutcome> judged = JudgedOutcome.of(p.outcomes());
                ClusterBootstrap boot = new ClusterBootstrap(options.bootstrapSeed(), options.bootstrapResamples());
                // The same win rate the pair's own analysis computed, at whatever level Holm asks for.
                candidates.add(new TournamentGate.Candidate(p.b(), alpha -> WinRateAnalysis.analyze(judged, alpha, boot),
                        r.decision().guardrails()));
            }
            for (CaseOutcome o : p.outcomes()) games.addAll(games(o, a, b));
        }
        TournamentDecision decision = TournamentGate.decide(options.policy(), candidates);
        if (games.isEmpty()) return new TournamentResult(variants, null, List.of(), perPair, decision, "no Bradley–Terry ranking: no parseable votes");
        GameTable table = GameTable.of(variants.size(), games);
        BradleyTerry model = new BradleyTerry(variants.size(), 0, ties);
        // The ranking is exploratory: when the model has no finite fit (a variant won every comparison, a judge always
        // took one slot, too few bootstrap refits converged) the gate, which does not use it, still decides, and the
        // reports say why there is no ranking.
        TournamentRanking ranking = null;
        String problem = null;
        try {
            ranking = new TournamentBootstrap(options.bootstrapSeed() + 2, options.bootstrapResamples()).rank(table, model, options.alpha());
        } catch (IllegalArgumentException e) {
            problem = "no Bradley–Terry ranking: " + e.getMessage();
        }
        var winRates = WinRateMatrix.of(table, ranking == null ? null : ranking.fit(), new ClusterBootstrap(options.bootstrapSeed() + 3,
                options.bootstrapResamples()), options.alpha());
        return new TournamentResult(variants, ranking, winRates, perPair, decision, problem);
    }

    /** One game per parseable vote of an outcome whose two generations succeeded. */
    public static List<Game> games(CaseOutcome o, int a, int b) {
        List<Game> out = new ArrayList<>();
        if (o.a().error() || o.b().error()) return out;
        for (Vote v : o.votes()) {
            if (v.winner() == Winner.UNPARSEABLE) continue;
            int first = v.bFirst() ? b : a, second = v.bFirst() ? a : b;
            GameResult result = v.winner() == Winner.TIE ? GameResult.TIE
                    : (v.winner() == Winner.B) == v.bFirst() ? GameResult.FIRST : GameResult.SECOND;
            out.add(new Game(o.caseId(), first, second, result));
        }
        return out;
    }

    private static int index(List<String> variants, String name) {
        int i = variants.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("pairing names an unknown variant '" + name + "'; variants: " + variants);
        return i;
    }
}
