package dev.promptarena.stats;

import java.util.Arrays;

/**
 * The resampling loop of {@link ClusterBootstrap}: each resample draws {@code k} cluster indices from one seeded
 * stream ({@link SplitMixDraws}) and takes {@code sum(numerator) / sum(denominator)} over them. This loop is most of
 * a large run's analysis (10,000 resamples x k cases per bootstrap), so it reads the clusters' values in the most
 * compact layout that gives exactly the plain loop's sums (ClusterBootstrapTest holds every layout to it bit for bit),
 * and from {@link #PARALLEL_FROM} draws it splits the resamples over two threads.
 */
final class Resampling {
    private Resampling() {}

    /** How the clusters' values are read. */
    enum Layout {
        /**
         * Every value (and denominator) a multiple of 1/2 between -64 and 63.5, as tie-aware scores, score
         * differences and repeat counts are: twice each value, a cluster's values side by side, several packed four to
         * a long ({@link PackedHalves}), summed as integers. The double sums are exact too (every partial sum is a
         * multiple of 1/2 far below 2^52), so both give the same numbers; at a million cases one draw reads one row
         * instead of one double in each of several 8 MB columns (bench/README.md, seventh session).
         */
        HALVES,
        /** One double row a cluster (numerators, then denominators unless all are 1): below {@link ClusterBootstrap#INTERLEAVED_BELOW}. */
        INTERLEAVED,
        /** The columns read where they lie (no copy): from {@link ClusterBootstrap#INTERLEAVED_BELOW} clusters. */
        COLUMNS
    }

    /**
     * Draws (clusters x resamples) from which a second thread takes part of the resamples: below, starting it costs
     * more than it saves. The result does not depend on it (see {@link #resample(long, int, double[][], double[][], Layout, int)}).
     */
    static final long PARALLEL_FROM = 20_000_000L;

    /**
     * The share of the resamples the calling thread keeps when it splits them: the other thread first skips the
     * calling thread's draws in the stream ({@link SplitMixDraws#skip}: ~1/3 of the cost of drawing and summing
     * them, JFR at 100,000 cases under C1), so it takes fewer: 0.6 = 1 / (2 - 1/3).
     */
    private static final double FIRST_SHARE = 0.6;

    /**
     * The resampled statistics, {@code [statistic][resample]}, in the layout and split chosen for their size; on the
     * calling thread only unless {@code mayFork}.
     */
    static double[][] resample(long seed, int resamples, double[][] nums, double[][] dens, boolean mayFork) {
        int k = nums[0].length;
        boolean unit = unitDenominators(dens);
        Layout layout = fitsHalves(nums, dens, unit) ? Layout.HALVES
                : k < ClusterBootstrap.INTERLEAVED_BELOW ? Layout.INTERLEAVED : Layout.COLUMNS;
        boolean split = mayFork && (long) k * resamples >= PARALLEL_FROM && Runtime.getRuntime().availableProcessors() > 1;
        return resample(seed, resamples, nums, dens, layout, split ? (int) (resamples * FIRST_SHARE) : resamples);
    }

    /**
     * As {@link #resample(long, int, double[][], double[][], boolean)} in the given layout, resamples {@code [0, split)} on
     * this thread and {@code [split, resamples)} on a second one, whose stream starts where the first one's ends: the
     * same numbers for every layout and split.
     */
    static double[][] resample(long seed, int resamples, double[][] nums, double[][] dens, Layout layout, int split) {
        int stats = nums.length, k = nums[0].length;
        boolean unit = unitDenominators(dens);
        if (layout == Layout.HALVES && !fitsHalves(nums, dens, unit)) {
            throw new IllegalArgumentException("values are not all halves in the byte range");
        }
        Range range = layout == Layout.HALVES ? PackedHalves.range(nums, dens, unit) : doubles(nums, dens, unit, layout == Layout.INTERLEAVED);
        double[][] boot = new double[stats][resamples];
        if (split >= resamples) {
            range.run(new SplitMixDraws(seed), 0, resamples, boot);
            return boot;
        }
        // A plain daemon thread (stats imports no other project package): its failure is rethrown here.
        Throwable[] failed = new Throwable[1];
        Thread upper = new Thread(() -> {
            try {
                SplitMixDraws random = new SplitMixDraws(seed);
                random.skip((long) split * k, k);
                range.run(random, split, resamples, boot);
            } catch (RuntimeException | Error e) { // an Error too: a dead thread must not leave resamples at 0
                failed[0] = e;
            }
        }, "bootstrap-resamples");
        upper.setDaemon(true);
        upper.start();
        range.run(new SplitMixDraws(seed), 0, split, boot);
        try {
            upper.join(); // the other thread's writes to boot and failed happen-before this returns
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resampling", e);
        }
        if (failed[0] instanceof RuntimeException e) throw e;
        if (failed[0] instanceof Error e) throw e;
        return boot;
    }

    /** Resamples {@code [from, to)}, drawn from {@code random}, into {@code boot[s][from..to)}. */
    interface Range {
        void run(SplitMixDraws random, int from, int to, double[][] boot);
    }

    private static boolean unitDenominators(double[][] dens) {
        return Arrays.stream(dens).allMatch(d -> Arrays.stream(d).allMatch(x -> x == 1.0));
    }

    private static boolean fitsHalves(double[][] nums, double[][] dens, boolean unit) {
        return Arrays.stream(nums).allMatch(Resampling::halves) && (unit || Arrays.stream(dens).allMatch(Resampling::halves));
    }

    private static boolean halves(double[] values) {
        for (double v : values) {
            double h = v * 2;
            if (h != Math.rint(h) || h < Byte.MIN_VALUE || h > Byte.MAX_VALUE) return false;
        }
        return true;
    }

    /** The double layouts: the same sums, in the same order, as the plain loop over {@code nums[s][j]}. */
    private static Range doubles(double[][] nums, double[][] dens, boolean unit, boolean interleaved) {
        int stats = nums.length, k = nums[0].length, width = unit ? stats : 2 * stats;
        if (unit && stats == 1) {
            // One plain mean: the same sums without the row loop below (36 instead of 64 ms for 10,000 resamples
            // of 1,000 cases under C1).
            double[] values = nums[0];
            return (random, from, to, boot) -> {
                int[] drawn = new int[k];
                for (int b = from; b < to; b++) {
                    random.fill(drawn, k);
                    double sum = 0;
                    for (int i = 0; i < k; i++) sum += values[drawn[i]];
                    boot[0][b] = sum / k;
                }
            };
        }
        // Row j holds cluster j's numerators, then (unless all are 1) its denominators; without it the columns are read.
        double[] rows = interleaved ? new double[k * width] : null;
        for (int j = 0; interleaved && j < k; j++) {
            for (int s = 0; s < stats; s++) {
                rows[j * width + s] = nums[s][j];
                if (!unit) rows[j * width + stats + s] = dens[s][j];
            }
        }
        return (random, from, to, boot) -> {
            int[] drawn = new int[k];
            double[] sums = new double[width];
            for (int b = from; b < to; b++) {
                Arrays.fill(sums, 0);
                random.fill(drawn, k);
                for (int i = 0; i < k; i++) {
                    int j = drawn[i];
                    if (interleaved) {
                        for (int c = 0, row = j * width; c < width; c++) sums[c] += rows[row + c];
                        continue;
                    }
                    for (int s = 0; s < stats; s++) {
                        sums[s] += nums[s][j];
                        if (!unit) sums[stats + s] += dens[s][j];
                    }
                }
                for (int s = 0; s < stats; s++) boot[s][b] = sums[s] / (unit ? k : sums[stats + s]);
            }
        };
    }
}
