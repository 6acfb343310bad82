package dev.promptarena.stats.tournament;

import java.util.Arrays;
import java.util.Locale;

/**
 * The large simulation sweep behind docs/statistics.md's tournament figures (run by bench/tournament-sweep.sh; the
 * suite's TournamentSimulationTest runs a few seeds of the same scenarios). Arguments: seeds, cases, resamples.
 * Prints: coverage of the 95% bootstrap intervals of the three non-reference scores, the rate at which the highest
 * estimate is the true best against the plan's prediction, and the rate at which a pure-position judge (no real
 * difference, unbalanced order) gets any variant ranked above another.
 */
public final class TournamentSweep {
    static final double[] TRUE = {0, 0.2, 0.4, 0.6};

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]), cases = Integer.parseInt(args[1]), resamples = Integer.parseInt(args[2]);
        // HALF estimates the Davidson scores only without ties (with ties it estimates shrunken ones), so it runs without.
        for (TieModel ties : TieModel.values()) {
            double tieRate = ties == TieModel.DAVIDSON ? 0.2 : 0;
            Result r = run(new TournamentSimulator(TRUE, 0.3, tieRate, Schedule.ROUND_ROBIN, 0.5), ties, seeds, cases, resamples, 0);
            double predicted = TournamentPlan.bestRate(TRUE, 0.3, tieRate, Schedule.ROUND_ROBIN, cases);
            System.out.printf(Locale.ROOT, "%s scores 0/.2/.4/.6 h=.3 ties=%.1f %d cases x %d seeds: coverage %s (pooled %.4f, SE %.4f);"
                    + " best found %.4f (plan predicts %.4f, SE %.4f); mean P(best) of the true best %.4f; failed refits %d%n",
                    ties, tieRate, cases, seeds, Arrays.toString(r.coverage), r.pooled(), Math.sqrt(0.95 * 0.05 / (3.0 * seeds)),
                    r.bestFound / seeds, predicted, Math.sqrt(predicted * (1 - predicted) / seeds), r.meanBestShare / seeds, r.failed);
        }
        for (double higherFirst : new double[] {0.5, 0.8}) {
            Result r = run(new TournamentSimulator(new double[4], 1.0, 0.2, Schedule.ROUND_ROBIN, higherFirst), TieModel.DAVIDSON, seeds, cases, resamples, 0);
            System.out.printf(Locale.ROOT, "pure-position judge h=1 ties=.2 higher-first %.1f, %d cases x %d seeds: any pair separated %.4f (SE %.4f)%n",
                    higherFirst, cases, seeds, r.anySeparated / seeds, Math.sqrt(0.05 * 0.95 / seeds));
        }
    }

    /** Sweep results summed over seeds. */
    static final class Result {
        final double[] coverage = new double[3];
        double bestFound, meanBestShare, anySeparated;
        int failed, seeds;

        double pooled() { return (coverage[0] + coverage[1] + coverage[2]) / 3; }
    }

    static Result run(TournamentSimulator sim, TieModel ties, int seeds, int cases, int resamples, long firstSeed) {
        Result r = new Result();
        BradleyTerry model = new BradleyTerry(sim.scores().length, 0, ties);
        for (long s = firstSeed; s < firstSeed + seeds; s++) {
            GameTable table = GameTable.of(sim.scores().length, sim.games(cases, s));
            TournamentRanking ranking = new TournamentBootstrap(s + 1_000_000, resamples).rank(table, model, 0.05);
            for (int v = 1; v < sim.scores().length && v <= 3; v++) {
                var iv = ranking.variants().get(v).interval();
                if (iv.lower() <= sim.truth(v) && sim.truth(v) <= iv.upper()) r.coverage[v - 1]++;
            }
            if (ranking.leader() == sim.best()) r.bestFound++;
            r.meanBestShare += ranking.variants().get(sim.best()).bestShare();
            if (ranking.anySeparated()) r.anySeparated++;
            r.failed += ranking.failedResamples();
            r.seeds++;
        }
        for (int i = 0; i < 3; i++) r.coverage[i] /= seeds;
        return r;
    }
}
