package dev.promptarena.analysis;

import static dev.promptarena.stats.Fixtures.failed;
import static dev.promptarena.stats.Fixtures.outcome;
import static dev.promptarena.stats.Fixtures.side;
import static dev.promptarena.stats.Fixtures.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.Outcome;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Winner;
import dev.promptarena.stats.tournament.Game;
import dev.promptarena.stats.tournament.GameResult;
import dev.promptarena.stats.tournament.TieModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TournamentAnalysis}: votes to games, the gate against the two-variant analysis, a simulated three-way tournament. */
class TournamentAnalysisTest {
    private static final AnalysisOptions OPTIONS = new AnalysisOptions(0.05, 7, 2000, DecisionPolicy.defaults());

    @Test
    void votesBecomeGamesInPresentationTerms() {
        CaseOutcome o = outcome("c1", vote(true, Winner.B), vote(false, Winner.B), vote(true, Winner.A), vote(false, Winner.TIE),
                vote(false, Winner.UNPARSEABLE));
        assertEquals(List.of(new Game("c1", 5, 2, GameResult.FIRST), new Game("c1", 2, 5, GameResult.SECOND),
                new Game("c1", 5, 2, GameResult.SECOND), new Game("c1", 2, 5, GameResult.TIE)), TournamentAnalysis.games(o, 2, 5));
        assertEquals(List.of(), TournamentAnalysis.games(outcome("c2", Map.of(), failed(), side(10), vote(true, Winner.B)), 0, 1));
    }

    @Test
    void twoVariantsDecideExactlyAsTheTwoVariantAnalysis() {
        List<CaseOutcome> outcomes = simulate(new double[] {0, 0.5}, 0, 1, 120, 3);
        TournamentResult t = TournamentAnalysis.analyze(List.of("prod", "cand"), List.of(new TournamentPair("prod", "cand", outcomes)),
                List.of(), OPTIONS, TieModel.DAVIDSON);
        AnalysisResult two = ArenaAnalysis.analyze(outcomes, List.of(), OPTIONS);
        assertEquals(two.decision(), t.decision().candidates().get(0).decision());
        assertEquals(two.decision().outcome(), t.decision().outcome());
        assertEquals(two.winRate(), t.pairs().get(0).analysis().winRate());
    }

    @Test
    void threeVariantsRoundRobin() {
        double[] scores = {0, 0.8, 0.0};
        List<String> names = List.of("prod", "good", "same");
        List<TournamentPair> pairs = new ArrayList<>();
        for (int[] p : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            pairs.add(new TournamentPair(names.get(p[0]), names.get(p[1]), simulate(scores, p[0], p[1], 150, 10 + p[0] * 3 + p[1])));
        }
        TournamentResult t = TournamentAnalysis.analyze(names, pairs, List.of(), OPTIONS, TieModel.DAVIDSON);
        assertEquals(Outcome.PASS, t.decision().outcome());
        assertEquals("good", t.decision().best());
        assertEquals(2, t.decision().candidates().size()); // the candidate-vs-candidate pairing is not part of the gate
        assertEquals(1, t.ranking().leader());
        assertTrue(t.ranking().pair(0, 1).separated() && t.ranking().pair(1, 2).separated());
        assertTrue(!t.ranking().pair(0, 2).separated());
        assertEquals(3, t.winRates().size());
        assertTrue(t.ranking().fit().position() > 0.2, "the simulated judge prefers the first slot: " + t.ranking().fit().position());
    }

    /** A Davidson judge (position 0.4, 20% ties between equals), both orders per case, variant a in the A role. */
    private static List<CaseOutcome> simulate(double[] scores, int a, int b, int cases, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CaseOutcome> out = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            List<dev.promptarena.stats.Vote> votes = new ArrayList<>();
            for (boolean bFirst : new boolean[] {false, true}) {
                double first = Math.exp(scores[bFirst ? b : a] + 0.4), second = Math.exp(scores[bFirst ? a : b]);
                double tie = 0.5 * Math.sqrt(first * second), u = random.nextDouble() * (first + second + tie);
                boolean firstWins = u < first, tied = u >= first + second;
                Winner w = tied ? Winner.TIE : firstWins == bFirst ? Winner.B : Winner.A;
                votes.add(vote(bFirst, w));
            }
            out.add(outcome("case" + c, votes.toArray(dev.promptarena.stats.Vote[]::new)));
        }
        return out;
    }
}
