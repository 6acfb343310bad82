package dev.promptarena.stats.tournament;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.ClusterBootstrap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A few seeds of the scenarios bench/tournament-sweep.sh runs at scale (figures in docs/statistics.md): 4 variants with
 * true scores 0, .2, .4, .6, a first-slot advantage of .3 and 20% ties between equals, 100 cases round robin. Bounds
 * are about 3 binomial standard errors around the nominal or predicted rate for the number of seeds used here.
 */
class TournamentSimulationTest {
    private static final TournamentSimulator TRUE = new TournamentSimulator(TournamentSweep.TRUE, 0.3, 0.2, Schedule.ROUND_ROBIN, 0.5);

    @Test
    void intervalsCoverAndTheBestIsFoundAtThePredictedRate() {
        int seeds = 40;
        TournamentSweep.Result r = TournamentSweep.run(TRUE, TieModel.DAVIDSON, seeds, 100, 400, 0);
        // 120 intervals at 95%: SE 0.020
        assertEquals(0.95, r.pooled(), 0.06, "pooled coverage");
        double predicted = TournamentPlan.bestRate(TournamentSweep.TRUE, 0.3, 0.2, Schedule.ROUND_ROBIN, 100);
        assertEquals(0.89, predicted, 0.01);
        // 40 seeds: SE sqrt(.89 * .11 / 40) = 0.049
        assertEquals(predicted, r.bestFound / seeds, 0.15, "best found");
        assertEquals(0, r.failed);
    }

    @Test
    void aPurePositionJudgeRanksNobodyAboveAnyone() {
        // No real difference, a strong first-slot preference (h = 1: 2.7 times the odds) and an unbalanced order:
        // the higher-indexed variant is shown first 80% of the time, so raw win rates favour it.
        TournamentSimulator sim = new TournamentSimulator(new double[4], 1.0, 0.2, Schedule.ROUND_ROBIN, 0.8);
        TournamentSweep.Result r = TournamentSweep.run(sim, TieModel.DAVIDSON, 20, 100, 400, 0);
        // Holm keeps the family-wise rate at 5%: P(more than 3 of 20 seeds) = 0.016 under that rate.
        assertTrue(r.anySeparated <= 3, "seeds with a false separation: " + r.anySeparated);

        GameTable table = GameTable.of(4, sim.games(100, 7));
        TournamentRanking ranking = new TournamentBootstrap(8, 400).rank(table, new BradleyTerry(4, 0, TieModel.DAVIDSON), 0.05);
        assertFalse(ranking.anySeparated());
        assertTrue(ranking.fit().position() > 0.7, "the bias went into the position term: " + ranking.fit().position());
        for (VariantScore v : ranking.variants()) {
            assertEquals(1, v.rankBest());
            assertEquals(4, v.rankWorst());
        }
        // Without the position term the same games look decisive: the raw rate of 3 over 0 is far above one half.
        PairWinRate raw = WinRateMatrix.of(table, ranking.fit(), new ClusterBootstrap(9, 2000), 0.05).stream()
                .filter(p -> p.a() == 0 && p.b() == 3).findFirst().orElseThrow();
        assertTrue(raw.bootstrap().interval().upper() < 0.5, "raw rate of 0 over 3: " + raw.bootstrap());
        assertEquals(0.5, raw.modelWinRate(), 0.08);
        assertTrue(raw.firstSlotShare() > 0.65, "this pair's order bias: " + raw.firstSlotShare());
    }

    @Test
    void aJudgeThatAlwaysPicksTheFirstSlotHasNoFiniteFit() {
        List<Game> games = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            for (int[] p : Schedule.ROUND_ROBIN.pairs(3)) games.add(new Game("c" + c, c % 2 == 0 ? p[0] : p[1], c % 2 == 0 ? p[1] : p[0], GameResult.FIRST));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TournamentBootstrap(1, 400).rank(GameTable.of(3, games), new BradleyTerry(3, 0, TieModel.DAVIDSON), 0.05));
        assertTrue(e.getMessage().contains("no finite maximum"), e.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameRanking() {
        GameTable table = GameTable.of(4, TRUE.games(60, 3));
        BradleyTerry model = new BradleyTerry(4, 0, TieModel.DAVIDSON);
        TournamentRanking one = new TournamentBootstrap(5, 300).rank(table, model, 0.05);
        TournamentRanking two = new TournamentBootstrap(5, 300).rank(table, model, 0.05);
        assertEquals(one.variants(), two.variants());
        assertEquals(one.pairs(), two.pairs());
        double total = one.variants().stream().mapToDouble(VariantScore::bestShare).sum();
        assertEquals(1, total, 1e-9);
        assertEquals(new dev.promptarena.stats.Interval(0, 0, 0.95, "bootstrap-percentile"), one.variants().get(0).interval());
    }
}
