package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.10.1 {@code stats.bootstrap((num, den), ratio, paired=True, n_resamples=200000,
 * method=...)} (reference/primitives.py). Tolerance 0.01: with 20,000 resamples the Monte Carlo SD of a
 * 2.5% endpoint is about 0.001 here, and the statistic moves on a lattice of step about 0.02.
 */
class ClusterBootstrapTest {
    private static final double[] NUM = {2, 1.5, 0, 3, 1, 2.5, 0.5, 1, 2, 1, 3, 0, 2, 1.5, 2.5, 3, 1, 2, 0.5, 2.5, 1, 0, 2, 1.5};
    private static final double[] DEN = {3, 2, 1, 3, 2, 3, 1, 1, 3, 2, 3, 2, 2, 2, 3, 3, 1, 3, 1, 3, 2, 1, 2, 3};
    private static final double MC_TOL = 0.01;

    @Test
    void bcaMatchesScipy() {
        BootstrapResult r = new ClusterBootstrap(42, 20_000).ratio(NUM, DEN, 0.05);
        assertTrue(r.bca());
        assertEquals("bootstrap-bca", r.interval().method());
        assertEquals(0.59375, r.interval().lower(), MC_TOL);
        assertEquals(0.8055555555555556, r.interval().upper(), MC_TOL);
        assertEquals(37.0 / 52.0, r.estimate(), 1e-12); // sum(num) / sum(den) = 37 / 52
        assertEquals(24, r.clusters());
    }

    @Test
    void sameSeedSameInterval() {
        BootstrapResult a = new ClusterBootstrap(7, 2000).ratio(NUM, DEN, 0.05);
        BootstrapResult b = new ClusterBootstrap(7, 2000).ratio(NUM, DEN, 0.05);
        assertEquals(a, b);
    }

    @Test
    void statisticsResampledTogetherGetExactlyTheirOwnIntervals() {
        ClusterBootstrap boot = new ClusterBootstrap(11, 4000);
        double[] ones = new double[NUM.length];
        java.util.Arrays.fill(ones, 1.0);
        double[] other = new double[NUM.length];
        for (int i = 0; i < other.length; i++) other[i] = (i * 7 % 5) - 2;
        java.util.List<BootstrapResult> together = boot.ratios(java.util.List.of(NUM, other), java.util.List.of(DEN, ones), 0.05);
        assertEquals(boot.ratio(NUM, DEN, 0.05), together.get(0));
        assertEquals(boot.mean(other, 0.05), together.get(1));
        assertEquals(java.util.List.of(boot.mean(other, 0.05), boot.mean(NUM, 0.05)), boot.means(java.util.List.of(other, NUM), 0.05));
        assertThrows(IllegalArgumentException.class, () -> boot.means(java.util.List.of(other, new double[] {1, 2}), 0.05));
    }

    @Test
    void resamplesAreExactlyThoseOfThePlainLoop() {
        java.util.Random r = new java.util.Random(3);
        double[] ones = new double[NUM.length], other = new double[NUM.length];
        java.util.Arrays.fill(ones, 1.0);
        for (int i = 0; i < other.length; i++) other[i] = r.nextInt(9) - 4 + r.nextDouble();
        double[] big = new double[1000], bigOnes = new double[1000];
        for (int i = 0; i < big.length; i++) big[i] = r.nextInt(5) / 2.0;
        java.util.Arrays.fill(bigOnes, 1.0);
        double[][][][] cases = {
            {{other}, {ones}},                          // one mean: the single-statistic path
            {{other, NUM, ones}, {ones, ones, ones}},   // several means
            {{NUM}, {DEN}},                             // one ratio
            {{NUM, other}, {DEN, ones}},                // a ratio and a mean together
            {{big, big}, {bigOnes, bigOnes}},
        };
        ClusterBootstrap boot = new ClusterBootstrap(5, 3000);
        for (double[][][] c : cases) {
            double[][] plain = plainLoop(5, 3000, c[0], c[1]);
            assertTrue(java.util.Arrays.deepEquals(plain, boot.resample(c[0], c[1])), "the layout and split chosen by size");
            // Every layout (the halves only where every value is a half in the byte range: big, ones, DEN), each on
            // one thread and split over two at several points (the second thread skips the first one's draws).
            boolean halves = java.util.Arrays.stream(c).flatMap(java.util.Arrays::stream).flatMapToDouble(java.util.Arrays::stream)
                    .allMatch(v -> v * 2 == Math.rint(v * 2) && Math.abs(v) < 60);
            for (Resampling.Layout layout : Resampling.Layout.values()) {
                if (layout == Resampling.Layout.HALVES && !halves) {
                    assertThrows(IllegalArgumentException.class, () -> Resampling.resample(5, 3000, c[0], c[1], layout, 3000));
                    continue;
                }
                for (int split : new int[] {3000, 0, 1, 1650, 2999}) {
                    double[][] fast = Resampling.resample(5, 3000, c[0], c[1], layout, split);
                    for (int s = 0; s < c[0].length; s++) {
                        assertTrue(java.util.Arrays.equals(plain[s], fast[s]), "statistic " + s + " of " + c[0].length + ", "
                                + layout + ", split at " + split);
                    }
                }
            }
        }
    }

    @Test
    void onOneThreadGivesTheSameIntervalsAsTheSplitResampling() {
        // 10,000 clusters x 2,000 resamples reach PARALLEL_FROM, where the default bootstrap splits its resamples over
        // two threads; onOneThread never does. Same seed, so the same resamples and intervals, bit for bit.
        int k = 10_000;
        assertTrue((long) k * 2000 >= Resampling.PARALLEL_FROM);
        double[] scores = new double[k], diffs = new double[k];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < k; i++) {
            scores[i] = r.nextInt(3) / 2.0;
            diffs[i] = r.nextInt(9) - 4 + (i % 7 == 0 ? 0.25 : 0); // not all halves: the double layout too
        }
        for (double[] v : new double[][] {scores, diffs}) {
            ClusterBootstrap split = new ClusterBootstrap(13, 2000);
            assertEquals(split.mean(v, 0.05), split.onOneThread().mean(v, 0.05));
        }
    }

    @Test
    void halvesCoverNegativeAndExtremeValues() {
        // Score differences are negative; -64 and 63.5 are the ends of the byte range, 64 is past it.
        double[] d = new double[500], ones = new double[500];
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < d.length; i++) d[i] = (r.nextInt(256) - 128) / 2.0;
        d[0] = -64;
        d[1] = 63.5;
        java.util.Arrays.fill(ones, 1.0);
        double[][] nums = {d}, dens = {ones};
        double[][] plain = plainLoop(9, 2000, nums, dens);
        assertTrue(java.util.Arrays.deepEquals(plain, Resampling.resample(9, 2000, nums, dens, Resampling.Layout.HALVES, 700)));
        d[1] = 64;
        assertThrows(IllegalArgumentException.class, () -> Resampling.resample(9, 2000, nums, dens, Resampling.Layout.HALVES, 2000));
    }

    @Test
    void packedHalvesEqualThePlainLoopAtEveryWidthAndAtTheLaneLimits() {
        // PackedHalves: one to nine columns (one long, several longs, a last long partly filled), means and ratios, on 700
        // clusters (two full lane flushes of 256 draws and a partial one), every value at the ends of the byte range in one
        // run (a lane at 0 or 255 for all 256 draws it holds) and random halves in another.
        java.util.Random r = new java.util.Random(17);
        int k = 2 * PackedHalves.LANE_DRAWS + 188;
        for (String fill : new String[] {"low", "high", "random"}) {
            for (int stats = 1; stats <= 5; stats++) {
                for (boolean unit : new boolean[] {true, false}) {
                    double[][] nums = new double[stats][k], dens = new double[stats][k];
                    for (int s = 0; s < stats; s++) {
                        for (int j = 0; j < k; j++) {
                            nums[s][j] = switch (fill) {
                                case "low" -> -64;
                                case "high" -> 63.5;
                                default -> (r.nextInt(256) - 128) / 2.0;
                            };
                            dens[s][j] = unit ? 1 : fill.equals("high") ? 63.5 : (r.nextInt(127) + 1) / 2.0;
                        }
                    }
                    double[][] plain = plainLoop(21, 2000, nums, dens);
                    for (int split : new int[] {2000, 777}) {
                        assertTrue(java.util.Arrays.deepEquals(plain, Resampling.resample(21, 2000, nums, dens, Resampling.Layout.HALVES, split)),
                                fill + ", " + stats + " statistics, unit denominators " + unit + ", split at " + split);
                    }
                }
            }
        }
    }

    /** The definition, written as plainly as possible: the reference the optimized loop must equal bit for bit. */
    private static double[][] plainLoop(long seed, int resamples, double[][] nums, double[][] dens) {
        int k = nums[0].length;
        double[][] boot = new double[nums.length][resamples];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            double[] num = new double[nums.length], den = new double[nums.length];
            for (int i = 0; i < k; i++) {
                int j = random.nextInt(k);
                for (int s = 0; s < nums.length; s++) {
                    num[s] += nums[s][j];
                    den[s] += dens[s][j];
                }
            }
            for (int s = 0; s < nums.length; s++) boot[s][b] = num[s] / den[s];
        }
        return boot;
    }

    @Test
    void degenerateDataFallsBackToPercentile() {
        // Every cluster has the same rate: all resamples equal the estimate, BCa's z0 is undefined.
        BootstrapResult r = new ClusterBootstrap(1, 2000).ratio(new double[] {1, 1, 1}, new double[] {2, 2, 2}, 0.05);
        assertFalse(r.bca());
        assertNotNull(r.note());
        assertEquals("bootstrap-percentile", r.interval().method());
        assertEquals(0.5, r.interval().lower(), 0);
        assertEquals(0.5, r.interval().upper(), 0);
    }

    @Test
    void refusesTooFewResamples() {
        assertThrows(IllegalArgumentException.class, () -> new ClusterBootstrap(1, 500));
    }
}
