package dev.promptarena.validity;

import dev.promptarena.stats.QuantileBootstrap;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The latency p95 guardrail's bound under A/A at small numbers of cases, on the decision's own bootstrap
 * ({@link QuantileBootstrap}): A and B latencies drawn from one distribution per case, so p95(B) − p95(A) is 0 in
 * truth and the harm_proven lower bound at γ should exceed 0 in at most γ of runs. Latencies are lognormal
 * (median 800 ms, σ 0.5 or 1 on the log scale: a long or a very long right tail) with a shared per-case factor
 * (longer questions are slower on both sides; correlation 0.5 on the log scale) or independent.
 */
public final class LatencyP95Aa {
    private LatencyP95Aa() {}

    /** Per case, one latency; {@code shared} in [0, 1] is the share of the log-variance common to A and B. */
    static double[][][] draw(int n, double shared, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[n][1], b = new double[n][1];
        for (int i = 0; i < n; i++) {
            double common = Math.sqrt(shared) * gauss(r);
            a[i][0] = 800 * Math.exp(sigma * (common + Math.sqrt(1 - shared) * gauss(r)));
            b[i][0] = 800 * Math.exp(sigma * (common + Math.sqrt(1 - shared) * gauss(r)));
        }
        return new double[][][] {a, b};
    }

    /** Share of {@code runs} A/A runs whose lower bound at {@code gamma} is above 0 (a harm_proven breach at limit 0). */
    static int breaches(int n, double shared, double sigma, double gamma, int runs, long firstSeed, int resamples) {
        int breached = 0;
        for (long s = firstSeed; s < firstSeed + runs; s++) {
            double[][][] d = draw(n, shared, sigma, s);
            double[] b = QuantileBootstrap.bounds(d[0], d[1], 0.95, gamma, s + 7, resamples);
            breached += b[0] > 0 ? 1 : 0;
        }
        return breached;
    }

    private static double gauss(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default, kept explicit.
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The sweep in docs/statistics.md §18: usage {@code LatencyP95Aa RUNS}. */
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        double gamma = 0.025, se = Math.sqrt(gamma * (1 - gamma) / runs);
        System.out.printf(Locale.ROOT, "| cases | log-sd σ | shared case effect | runs | A/A breach (γ = 0.025; level + 2 SE = %.1f%%) |%n",
                100 * (gamma + 2 * se));
        System.out.println("|---|---|---|---|---|");
        for (int n : new int[] {10, 20, 30, 50, 100, 200}) {
            for (double sigma : new double[] {0.5, 1}) {
                for (double shared : new double[] {0, 0.5}) {
                    int b = breaches(n, shared, sigma, gamma, runs, 1_000L * n, 2000);
                    System.out.printf(Locale.ROOT, "| %d | %.1f | %.0f%% | %d | %.1f%% |%n", n, sigma, 100 * shared, runs, 100.0 * b / runs);
                }
            }
        }
    }
}
