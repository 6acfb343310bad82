package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LabelSamplingTest {
    @Test
    void probabilitiesSumToTheBudgetAndFollowTheRootOfUncertainty() {
        double[] u = {0, 0.25, 1, 0.04, 0.25, 0, 0.09, 0.16};
        double[] pi = LabelSampling.proportionalToRootUncertainty(u, 3, 0.3);
        assertEquals(3, Arrays.stream(pi).sum(), 1e-12);
        // By hand: sqrt(u) = 0, .5, 1, .2, .5, 0, .3, .4 (sum 2.9); w = 0.7 * sqrt(u) / 2.9 + 0.3 / 8; pi = 3 w.
        for (int i = 0; i < u.length; i++) assertEquals(3 * (0.7 * Math.sqrt(u[i]) / 2.9 + 0.3 / 8), pi[i], 1e-12);
    }

    @Test
    void casesAboveOneAreLabelledForSureAndTheRestShareTheBudget() {
        double[] u = {100, 0.01, 0.01, 0.01, 0.01};
        double[] pi = LabelSampling.proportionalToRootUncertainty(u, 2, 0.1);
        assertEquals(1.0, pi[0]);
        for (int i = 1; i < 5; i++) assertEquals(0.25, pi[i], 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, LabelSampling.proportionalToRootUncertainty(new double[] {1, 2, 3}, 3, 0.3), 1e-12);
    }

    @Test
    void noUncertaintyMeansUniform() {
        assertArrayEquals(LabelSampling.uniform(4, 2), LabelSampling.proportionalToRootUncertainty(new double[4], 2, 0.3), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, LabelSampling.uniform(4, 2), 0);
    }

    @Test
    void drawsFollowTheProbabilitiesAndTheSeed() {
        double[] pi = LabelSampling.proportionalToRootUncertainty(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, 4, 0.3);
        int[] hits = new int[pi.length];
        for (long s = 0; s < 20_000; s++) {
            boolean[] d = LabelSampling.draw(pi, s);
            for (int i = 0; i < d.length; i++) if (d[i]) hits[i]++;
        }
        // Binomial(20000, pi): 4 standard errors is at most 0.014.
        for (int i = 0; i < pi.length; i++) assertEquals(pi[i], hits[i] / 20_000.0, 0.014);
        assertArrayEquals(LabelSampling.draw(pi, 7), LabelSampling.draw(pi, 7));
        assertTrue(pi[1] > pi[0]);
    }

    @Test
    void drawsExactlyNWithTheAskedProbabilities() {
        double[] pi = LabelSampling.proportionalToRootUncertainty(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 100}, 4, 0.3);
        assertEquals(1.0, pi[9]);
        int[] hits = new int[pi.length];
        for (long s = 0; s < 20_000; s++) {
            boolean[] d = LabelSampling.drawExactly(pi, s);
            int count = 0;
            for (int i = 0; i < d.length; i++) if (d[i]) { hits[i]++; count++; }
            assertEquals(4, count, "seed " + s);
        }
        // Binomial(20000, pi): 4 standard errors is at most 0.014.
        for (int i = 0; i < pi.length; i++) assertEquals(pi[i], hits[i] / 20_000.0, 0.014, "case " + i);
        assertEquals(20_000, hits[9]);
        assertArrayEquals(LabelSampling.drawExactly(pi, 7), LabelSampling.drawExactly(pi, 7));
    }

    @Test
    void equalProbabilitiesGiveASimpleRandomSample() {
        // A simple random sample of 2 of 5: each of the 10 pairs has probability 1/10 (systematic sampling over a
        // fixed order would only ever give 5 of them).
        int[] pairs = new int[25];
        for (long s = 0; s < 20_000; s++) {
            boolean[] d = LabelSampling.drawExactly(LabelSampling.uniform(5, 2), s);
            int first = -1, second = -1;
            for (int i = 0; i < 5; i++) if (d[i]) { if (first < 0) first = i; else second = i; }
            pairs[first * 5 + second]++;
        }
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) assertEquals(0.1, pairs[i * 5 + j] / 20_000.0, 0.009, "pair " + i + "," + j); // 4.2 se
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> LabelSampling.drawExactly(new double[] {0.5, 0.7}, 1));
        assertThrows(IllegalArgumentException.class, () -> LabelSampling.uniform(3, 4));
        assertThrows(IllegalArgumentException.class, () -> LabelSampling.proportionalToRootUncertainty(new double[] {-1, 1}, 1, 0.3));
        assertThrows(IllegalArgumentException.class, () -> LabelSampling.proportionalToRootUncertainty(new double[] {1, 1}, 1, 0));
    }
}
