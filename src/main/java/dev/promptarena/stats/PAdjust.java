package dev.promptarena.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-testing adjustments of a family of p-values, as R's {@code p.adjust} computes them.
 * Bonferroni and Holm control the family-wise error rate (Holm is uniformly more powerful);
 * Benjamini-Hochberg controls the false discovery rate under independence or positive dependence.
 */
public enum PAdjust {
    /** p × m, capped at 1. */
    BONFERRONI {
        @Override
        public double[] adjust(double[] p) {
            check(p);
            return Arrays.stream(p).map(x -> Math.min(1, x * p.length)).toArray();
        }
    },
    /** Step-down: sorted ascending, (m − i) × p(i), made monotone non-decreasing, capped at 1. */
    HOLM {
        @Override
        public double[] adjust(double[] p) {
            check(p);
            int m = p.length;
            int[] order = ascending(p);
            double[] out = new double[m];
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
                out[order[i]] = running;
            }
            return out;
        }
    },
    /** Step-up: sorted descending, p(i) × m / i, made monotone non-increasing, capped at 1. */
    BENJAMINI_HOCHBERG {
        @Override
        public double[] adjust(double[] p) {
            check(p);
            int m = p.length;
            int[] order = ascending(p);
            double[] out = new double[m];
            double running = 1;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, p[order[i]] * m / (i + 1));
                out[order[i]] = running;
            }
            return out;
        }
    };

    /** Adjusted p-values, in the order of the input. */
    public abstract double[] adjust(double[] p);

    private static void check(double[] p) {
        for (double x : p) {
            if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("p-values must be in [0, 1], got: " + x);
        }
    }

    private static int[] ascending(double[] p) {
        return IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
