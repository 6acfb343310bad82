package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The walk over the once-sorted values gives exactly what sorting every resample gives (the reference values against
 * scipy are in decision.OperationalBoundsTest).
 */
class QuantileBootstrapTest {
    /** The plain algorithm: concatenate the drawn cases' values, sort, type 7 quantile. */
    private static double[] naive(double[][] a, double[][] b, double p, double gamma, long seed, int resamples) {
        int k = a.length;
        double[] boot = new double[resamples];
        int[] drawn = new int[k];
        SplitMixDraws random = new SplitMixDraws(seed);
        for (int r = 0; r < resamples; r++) {
            random.fill(drawn, k);
            double[] sa = Arrays.stream(drawn).mapToObj(i -> a[i]).flatMapToDouble(Arrays::stream).sorted().toArray();
            double[] sb = Arrays.stream(drawn).mapToObj(i -> b[i]).flatMapToDouble(Arrays::stream).sorted().toArray();
            boot[r] = Quantiles.type7(sb, p) - Quantiles.type7(sa, p);
        }
        Arrays.sort(boot);
        return new double[] {Quantiles.type7(boot, gamma), Quantiles.type7(boot, 1 - gamma)};
    }

    @Test
    void equalsSortingEveryResampleWithRepeatsAndTies() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k : new int[] {1, 2, 7, 60}) {
            double[][] a = new double[k][], b = new double[k][];
            for (int i = 0; i < k; i++) {
                int reps = 1 + rng.nextInt(3);
                a[i] = new double[reps];
                b[i] = new double[reps];
                // Rounded to tens so equal values (ties across cases) occur.
                for (int j = 0; j < reps; j++) { a[i][j] = 10 * rng.nextInt(40); b[i][j] = 10 * rng.nextInt(45); }
            }
            for (double p : new double[] {0.5, 0.95, 1.0}) {
                assertArrayEquals(naive(a, b, p, 0.025, 9, 2000), QuantileBootstrap.bounds(a, b, p, 0.025, 9, 2000), 0, "k=" + k + " p=" + p);
            }
        }
        assertNull(QuantileBootstrap.bounds(new double[0][], new double[0][], 0.95, 0.025, 1, 2000));
    }
}
