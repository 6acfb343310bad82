package dev.promptarena.stats.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated judge of known behaviour for tournaments: Davidson outcomes from true scores, a first-slot advantage
 * and a tie parameter; shared by TournamentSimulationTest (few seeds) and TournamentSweep (bench/tournament-sweep.sh).
 *
 * @param scores        true scores, control first
 * @param position      first-slot advantage h (log-odds)
 * @param tieRate       tie share between equal variants (Davidson ν = 2t / (1 − t))
 * @param schedule      which pairs each case judges
 * @param higherFirst   probability that the higher-indexed variant of a pair is shown first (½ = balanced)
 */
record TournamentSimulator(double[] scores, double position, double tieRate, Schedule schedule, double higherFirst) {

    /** The games of {@code cases} cases, one per scheduled pair per case. */
    List<Game> games(int cases, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double nu = 2 * tieRate / (1 - tieRate);
        List<Game> out = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            for (int[] p : schedule.pairs(scores.length)) {
                boolean swap = random.nextDouble() < higherFirst;
                int first = swap ? p[1] : p[0], second = swap ? p[0] : p[1];
                double a = Math.exp(scores[first] + position), b = Math.exp(scores[second]), t = nu * Math.sqrt(a * b);
                double u = random.nextDouble() * (a + b + t);
                out.add(new Game("case" + c, first, second, u < a ? GameResult.FIRST : u < a + b ? GameResult.SECOND : GameResult.TIE));
            }
        }
        return out;
    }

    /** True scores relative to the control: what a fit with reference 0 estimates. */
    double truth(int v) { return scores[v] - scores[0]; }

    int best() {
        int best = 0;
        for (int v = 1; v < scores.length; v++) if (scores[v] > scores[best]) best = v;
        return best;
    }
}
