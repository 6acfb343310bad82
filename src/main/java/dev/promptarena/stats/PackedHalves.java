package dev.promptarena.stats;

import java.util.Arrays;

/**
 * The resampling loop of {@link Resampling.Layout#HALVES}: every value (and denominator) a multiple of 1/2 between -64
 * and 63.5, held as twice the value, a byte. One statistic sums its bytes; several are packed four to a long, each in a
 * 16-bit lane as twice the value plus 128 (0 to 255), so one read and one addition per draw sum four columns: the axis
 * bootstrap (three axes a draw) took ~1.8 times the win-rate bootstrap's time under the launcher's C1 compiler with a
 * byte read and a long addition per column and draw, and about as much as it with the lanes (bench/README.md, ninth
 * session). A lane holds the sum of {@link #LANE_DRAWS} draws at most (256 x 255 &lt; 2^16); then the lanes are added
 * out to long sums. Every sum is the exact integer the byte loop formed, so the resamples are the same bit for bit
 * (ClusterBootstrapTest).
 */
final class PackedHalves {
    /** Draws a packed long sums before its lanes are added out: 256 x 255 is the most a 16-bit lane holds. */
    static final int LANE_DRAWS = 256;
    private static final int LANES = 4, LANE_BITS = 16, LANE_MASK = 0xffff, OFFSET = 128;

    private PackedHalves() {}

    /** The loop over the columns {@code nums} then (unless {@code unit}) {@code dens}, every value a half in the byte range. */
    static Resampling.Range range(double[][] nums, double[][] dens, boolean unit) {
        int stats = nums.length, k = nums[0].length, width = unit ? stats : 2 * stats;
        if (width == 1) {
            byte[] values = new byte[k];
            for (int j = 0; j < k; j++) values[j] = (byte) (nums[0][j] * 2);
            return (random, from, to, boot) -> {
                for (int b = from; b < to; b++) boot[0][b] = random.sumOf(values, k, k) / 2.0 / k;
            };
        }
        int longs = (width + LANES - 1) / LANES;
        long[] rows = new long[k * longs]; // lanes past the last column stay 0: summed, never read out
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < width; c++) {
                double v = c < stats ? nums[c][j] : dens[c - stats][j];
                rows[j * longs + c / LANES] |= (long) ((int) (v * 2) + OFFSET) << (LANE_BITS * (c % LANES));
            }
        }
        long offset = (long) OFFSET * k; // every column's sum of k draws carries k offsets
        return (random, from, to, boot) -> {
            // One long a draw: drawn and summed in one loop (SplitMixDraws.sumOf); several: the draws kept to read each row's longs.
            int[] drawn = longs == 1 ? null : new int[k];
            long[] sums = new long[longs * LANES], acc = new long[longs];
            for (int b = from; b < to; b++) {
                if (drawn != null) random.fill(drawn, k);
                Arrays.fill(sums, 0);
                for (int i = 0; i < k; ) {
                    int end = Math.min(k, i + LANE_DRAWS);
                    if (drawn == null) {
                        addLanes(random.sumOf(rows, end - i, k), sums, 0);
                        i = end;
                        continue;
                    }
                    Arrays.fill(acc, 0);
                    for (; i < end; i++) {
                        for (int l = 0, row = drawn[i] * longs; l < longs; l++) acc[l] += rows[row + l];
                    }
                    for (int l = 0; l < longs; l++) addLanes(acc[l], sums, l * LANES);
                }
                for (int s = 0; s < stats; s++) {
                    boot[s][b] = (sums[s] - offset) / 2.0 / (unit ? k : (sums[stats + s] - offset) / 2.0);
                }
            }
        };
    }

    private static void addLanes(long packed, long[] sums, int first) {
        for (int l = 0; l < LANES; l++) sums[first + l] += (packed >>> (LANE_BITS * l)) & LANE_MASK;
    }
}
