package dev.promptarena.analysis;

import static dev.promptarena.stats.Fixtures.outcome;
import static dev.promptarena.stats.Fixtures.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Winner;
import dev.promptarena.stats.tournament.AdaptiveAllocation;
import dev.promptarena.stats.tournament.BradleyTerry;
import dev.promptarena.stats.tournament.Game;
import dev.promptarena.stats.tournament.GameTable;
import dev.promptarena.stats.tournament.PairDifference;
import dev.promptarena.stats.tournament.Schedule;
import dev.promptarena.stats.tournament.TieModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The adaptive schedule's analysis: a simulated judge of known behaviour plays the adaptive design (every candidate vs
 * the control on all cases, a round-robin first pass on half of them, then extra judgings of candidate pairs on the rest,
 * allocated by {@link AdaptiveAllocation} from the first pass as the run does), and {@link TournamentAnalysis} ranks.
 * Bounds are about 3 binomial standard errors for the seeds used; bench-scale figures are in docs/statistics.md §14.
 */
class AdaptiveTournamentTest {
    private static final AnalysisOptions OPTIONS = new AnalysisOptions(0.05, 7, 2000, DecisionPolicy.defaults());
    private static final List<String> NAMES = List.of("prod", "c1", "c2", "c3");
    private static final int CASES = 80, FIRST = 40;

    /** A Davidson judge with first-slot advantage h; the higher-indexed variant of a pair is shown first with P = higherFirst. */
    private record Judge(double[] scores, double h, double higherFirst) {
        CaseOutcome play(String caseId, int a, int b, SplittableRandom random) {
            boolean bFirst = random.nextDouble() < higherFirst;
            double first = Math.exp(scores[bFirst ? b : a] + h), second = Math.exp(scores[bFirst ? a : b]);
            double tie = 0.5 * Math.sqrt(first * second), u = random.nextDouble() * (first + second + tie);
            Winner w = u >= first + second ? Winner.TIE : (u < first) == bFirst ? Winner.B : Winner.A;
            return outcome(caseId, vote(bFirst, w));
        }
    }

    /** One simulated adaptive tournament: the analysis and the extra cases each candidate pair got. */
    private record Played(TournamentResult result, List<TournamentPair> pairs, int[] extra) {}

    private static Played play(Judge judge, long seed, boolean extremeAdaptiveVotes, boolean analyze) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TournamentPair> pairs = new ArrayList<>();
        List<Game> firstPass = new ArrayList<>();
        List<int[]> candidatePairs = new ArrayList<>();
        for (int[] p : Schedule.ROUND_ROBIN.pairs(4)) {
            int cases = p[0] == 0 ? CASES : FIRST;
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (int c = 0; c < cases; c++) outcomes.add(judge.play("case" + c, p[0], p[1], random));
            for (CaseOutcome o : outcomes.subList(0, FIRST)) firstPass.addAll(TournamentAnalysis.games(o, p[0], p[1]));
            pairs.add(new TournamentPair(NAMES.get(p[0]), NAMES.get(p[1]), outcomes));
            if (p[0] != 0) candidatePairs.add(p);
        }
        // Stage two, as run.AdaptiveStage does it: the first pass's fit, P(order flips) per candidate pair, the default budget.
        var fit = new BradleyTerry(4, 0, TieModel.DAVIDSON).fit(GameTable.of(4, firstPass).totals());
        int budget = (CASES - FIRST) * candidatePairs.size() / 2;
        int[] extra = AdaptiveAllocation.allocate(AdaptiveAllocation.flipProbabilities(fit, candidatePairs), budget, CASES - FIRST);
        for (int i = 0; i < extra.length; i++) {
            int a = candidatePairs.get(i)[0], b = candidatePairs.get(i)[1];
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (int c = FIRST; c < FIRST + extra[i]; c++) {
                outcomes.add(extremeAdaptiveVotes ? outcome("case" + c, vote(false, Winner.B)) : judge.play("case" + c, a, b, random));
            }
            if (!outcomes.isEmpty()) pairs.add(new TournamentPair(NAMES.get(a), NAMES.get(b), outcomes, true));
        }
        return new Played(analyze ? TournamentAnalysis.analyze(NAMES, pairs, List.of(), OPTIONS, TieModel.DAVIDSON) : null, pairs, extra);
    }

    @Test
    void adaptiveVotesChangeNeitherTheRankingNorTheGate() {
        Judge judge = new Judge(new double[] {0, 0.5, 0.55, 1.2}, 0.3, 0.5);
        Played with = play(judge, 11, true, true);
        // The same seed without stage two's pairings: identical numbers (stage two consumes no random draws before it).
        TournamentResult without = TournamentAnalysis.analyze(NAMES, with.pairs().stream().filter(p -> !p.adaptive()).toList(), List.of(),
                OPTIONS, TieModel.DAVIDSON);
        assertEquals(without.ranking().variants(), with.result().ranking().variants());
        assertEquals(without.ranking().pairs(), with.result().ranking().pairs());
        assertEquals(without.winRates(), with.result().winRates());
        assertEquals(without.decision(), with.result().decision());
        // Stage two is reported: its pairings carry the flag and their own two-variant analysis (here B won every vote).
        List<TournamentResult.PairAnalysis> adaptive = with.result().pairs().stream().filter(TournamentResult.PairAnalysis::adaptive).toList();
        assertFalse(adaptive.isEmpty());
        for (TournamentResult.PairAnalysis p : adaptive) assertEquals(1.0, p.analysis().winRate().winRate(), 1e-12);
    }

    @Test
    void extraCallsGoToTheClosePairs() {
        // c1 and c2 are nearly equal; c3 is far above both. The close pair should get most of stage two.
        Judge judge = new Judge(new double[] {0, 0.5, 0.55, 1.5}, 0.3, 0.5);
        int seeds = 20, closeGotMost = 0;
        double closeShare = 0;
        for (int s = 0; s < seeds; s++) {
            Played p = play(judge, 100 + s, false, false);
            int close = p.extra()[0], total = p.extra()[0] + p.extra()[1] + p.extra()[2];
            assertEquals(60, total, "the whole budget is spent: 40 remaining cases x 3 pairs / 2");
            closeShare += (double) close / total;
            if (close > p.extra()[1] && close > p.extra()[2]) closeGotMost++;
        }
        assertTrue(closeGotMost >= 18, "seeds in which c1 vs c2 got the most extra cases: " + closeGotMost);
        assertTrue(closeShare / seeds > 0.55, "mean share of the close pair: " + closeShare / seeds);
    }

    @Test
    void adaptiveNeverInflatesFalseRankedAbove() {
        // The suite runs 12 seeds (each is two analyses with 2,000 resamples); bench/adaptive-tournament-sweep.sh runs more
        // (-Dadaptive.seeds=N) for the rates in docs/statistics.md.
        int seeds = Integer.getInteger("adaptive.seeds", 12);
        // A pure-position judge (no real difference, h = 1, the higher-indexed variant shown first 80% of the time).
        Judge position = new Judge(new double[4], 1.0, 0.8);
        // A true ordering with a tie in the middle: c1 = c2 < c3, everyone above the control.
        Judge ordered = new Judge(new double[] {0, 0.4, 0.4, 0.8}, 0.3, 0.5);
        int falsePosition = 0, falseOrdered = 0, passes = 0;
        for (int s = 0; s < seeds; s++) {
            TournamentResult r = play(position, 300 + s, false, true).result();
            if (r.ranking().anySeparated()) falsePosition++;
            if (r.decision().best() != null) passes++;
            if (seeds == 12) {
                // Per seed, tighter than a rate: the slot preference goes into h (true 1), not into the scores (true 0).
                var fit = r.ranking().fit();
                assertEquals(1.0, fit.position(), 4 * fit.positionStandardError(), "seed " + s + ": position term");
                for (int v = 1; v < 4; v++) {
                    assertEquals(0.0, fit.scores()[v], 4 * fit.differenceStandardError(0, v), "seed " + s + ": score of " + NAMES.get(v));
                }
            }
            TournamentResult o = play(ordered, 500 + s, false, true).result();
            for (PairDifference d : o.ranking().pairs()) {
                double truth = ordered.scores()[d.a()] - ordered.scores()[d.b()];
                if (d.separated() && Math.signum(d.difference()) != Math.signum(truth)) {
                    falseOrdered++;
                    break;
                }
            }
        }
        System.err.printf("adaptive design, %d seeds: pure-position judge ranked a variant above another in %d, passed a candidate in %d;"
                + " true ordering: a variant ranked above an equal or better one in %d%n", seeds, falsePosition, passes, falseOrdered);
        if (seeds != 12) return; // a sweep reports its rates; the bounds below are for the suite's 12 seeds
        // Bounds at the 1% tail of the rates measured by the 200-seed sweep (ranked-above 0.060, gate 0.020; docs/statistics.md
        // section 14): P(4+ of 12 | 0.06) = 0.004, P(3+ of 12 | 0.02) = 0.002. The per-seed checks above are the tight part;
        // a design that leaked the slot or stage two into the ranking would break those at once.
        assertTrue(falsePosition <= 3, "seeds where the position judge ranked a variant above another: " + falsePosition);
        assertTrue(falseOrdered <= 3, "seeds with a variant ranked above an equal or better one: " + falseOrdered);
        assertTrue(passes <= 2, "seeds where the position judge passed a candidate: " + passes);
    }
}
