package dev.promptarena.stats.tournament;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AdaptiveAllocation}: proportional shares under a cap, whole judgings, the flip probabilities of a fit. */
class AdaptiveAllocationTest {
    @Test
    void sharesFollowTheWeightsUnderTheCap() {
        assertArrayEquals(new int[] {6, 3, 1}, AdaptiveAllocation.allocate(new double[] {0.6, 0.3, 0.1}, 10, 100));
        // The first pair's share (60 of 100) is over the cap of 50: it gets 50, the others split the remaining 50 as 3:1
        // (37.5 and 12.5; the equal remainders go to the earlier pair).
        assertArrayEquals(new int[] {50, 38, 12}, AdaptiveAllocation.allocate(new double[] {0.6, 0.3, 0.1}, 100, 50));
        // Capping can cascade: at a cap of 40 the second pair's share of the rest (45) is over it too.
        assertArrayEquals(new int[] {40, 40, 20}, AdaptiveAllocation.allocate(new double[] {0.6, 0.3, 0.1}, 100, 40));
        // Largest remainder: 7 split evenly over 3 gives 2.33 each; the extra one goes to the first pair.
        assertArrayEquals(new int[] {3, 2, 2}, AdaptiveAllocation.allocate(new double[] {1, 1, 1}, 7, 10));
        // A budget above cap x pairs is spent up to the cap only; zero weights share equally when all are zero.
        assertArrayEquals(new int[] {5, 5}, AdaptiveAllocation.allocate(new double[] {0.9, 0.1}, 50, 5));
        assertArrayEquals(new int[] {2, 2}, AdaptiveAllocation.allocate(new double[] {0, 0}, 4, 10));
        assertArrayEquals(new int[] {0, 0}, AdaptiveAllocation.allocate(new double[] {0.5, 0.5}, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> AdaptiveAllocation.allocate(new double[] {1}, -1, 10));
    }

    @Test
    void flipProbabilitiesComeFromTheScoreGapOverItsStandardError() {
        TournamentSimulator sim = new TournamentSimulator(new double[] {0, 0.5, 0.55, 1.5}, 0.3, 0.2, Schedule.ROUND_ROBIN, 0.5);
        BradleyTerryFit fit = new BradleyTerry(4, 0, TieModel.DAVIDSON).fit(GameTable.of(4, sim.games(60, 3)).totals());
        List<int[]> pairs = List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {2, 3});
        double[] w = AdaptiveAllocation.flipProbabilities(fit, pairs);
        for (int p = 0; p < 3; p++) {
            int a = pairs.get(p)[0], b = pairs.get(p)[1];
            double z = Math.abs(fit.scores()[a] - fit.scores()[b]) / fit.differenceStandardError(a, b);
            // Φ(−z) by an independent route: the erfc identity Φ(−z) = erfc(z/√2)/2.
            assertEquals(0.5 * org.apache.commons.math3.special.Erf.erfc(z / Math.sqrt(2)), w[p], 1e-12);
        }
        assertEquals(true, w[0] > w[1] && w[0] > w[2], "the close pair is the least certain");
        // No fit (e.g. a variant won everything): every pair is equally uncertain.
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, AdaptiveAllocation.flipProbabilities(null, pairs));
    }
}
