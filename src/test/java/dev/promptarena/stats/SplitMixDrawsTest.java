package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap's draws are the JDK's: the same seed gives the same cluster indices as SplittableRandom. */
class SplitMixDrawsTest {
    @Test
    void drawsExactlyWhatSplittableRandomDraws() {
        // Powers of two take the mask path; 2^30 + 1 and Integer.MAX_VALUE reject about half and almost no
        // first draws respectively, so the rejection loop runs often for the former.
        int[] bounds = {1, 2, 3, 7, 24, 1000, 1024, 10_000, (1 << 30) + 1, Integer.MAX_VALUE};
        long[] seeds = {0, 1, 42, -7, Long.MIN_VALUE, 0x9e3779b97f4a7c15L};
        for (long seed : seeds) {
            for (int bound : bounds) {
                SplittableRandom jdk = new SplittableRandom(seed);
                int[] expected = new int[5000];
                for (int i = 0; i < expected.length; i++) expected[i] = jdk.nextInt(bound);
                // Drawn in three pieces: the stream continues across calls.
                SplitMixDraws ours = new SplitMixDraws(seed);
                int[] a = new int[1000], b = new int[3999], c = new int[1], all = new int[5000];
                ours.fill(a, bound);
                ours.fill(b, bound);
                ours.fill(c, bound);
                System.arraycopy(a, 0, all, 0, 1000);
                System.arraycopy(b, 0, all, 1000, 3999);
                all[4999] = c[0];
                assertArrayEquals(expected, all, "seed " + seed + ", bound " + bound);
            }
        }
    }

    @Test
    void skipConsumesExactlyWhatFillDraws() {
        // 2^30 + 1 rejects about half of the first values, so the skipped count differs from the draws.
        int[] bounds = {1, 3, 1024, 10_000, 1_000_000, (1 << 30) + 1};
        for (long seed : new long[] {0, 5, -7}) {
            for (int bound : bounds) {
                for (int before : new int[] {0, 1, 2500}) {
                    SplitMixDraws drawn = new SplitMixDraws(seed), skipped = new SplitMixDraws(seed);
                    drawn.fill(new int[before], bound);
                    skipped.skip(before, bound);
                    int[] expected = new int[300], actual = new int[300];
                    drawn.fill(expected, bound);
                    skipped.fill(actual, bound);
                    assertArrayEquals(expected, actual, "seed " + seed + ", bound " + bound + ", after " + before);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new SplitMixDraws(1).skip(1, 0));
    }

    @Test
    void sumsOfDrawsEqualTheValuesAtFillsDrawsAndContinueTheSameStream() {
        // 3,576,095 and 50,331,649 leave about half of a bound above the largest multiple below 2^31, so the rejection
        // loop runs (~0.08 % and ~1.6 % of the first values): a sum that skipped it would read other values.
        int[] bounds = {1, 2, 3, 7, 1024, 10_000, 3_576_095};
        for (long seed : new long[] {0, 42, -7}) {
            for (int bound : bounds) {
                long[] longs = new long[bound];
                byte[] bytes = new byte[bound];
                SplittableRandom values = new SplittableRandom(seed ^ bound);
                for (int j = 0; j < bound; j++) {
                    longs[j] = values.nextLong();
                    bytes[j] = (byte) values.nextInt();
                }
                SplitMixDraws drawn = new SplitMixDraws(seed), summedLongs = new SplitMixDraws(seed), summedBytes = new SplitMixDraws(seed);
                for (int count : new int[] {0, 1, 256, 20_000}) {
                    int[] draws = new int[count];
                    drawn.fill(draws, bound);
                    long expectedLongs = 0, expectedBytes = 0;
                    for (int d : draws) {
                        expectedLongs += longs[d];
                        expectedBytes += bytes[d];
                    }
                    String where = "seed " + seed + ", bound " + bound + ", " + count + " draws";
                    assertEquals(expectedLongs, summedLongs.sumOf(longs, count, bound), where);
                    assertEquals(expectedBytes, summedBytes.sumOf(bytes, count, bound), where);
                }
                int[] next = new int[50], afterLongs = new int[50], afterBytes = new int[50];
                drawn.fill(next, bound);
                summedLongs.fill(afterLongs, bound);
                summedBytes.fill(afterBytes, bound);
                assertArrayEquals(next, afterLongs, "stream after the long sums, seed " + seed + ", bound " + bound);
                assertArrayEquals(next, afterBytes, "stream after the byte sums, seed " + seed + ", bound " + bound);
            }
        }
        byte[] many = new byte[50_331_649];
        new SplittableRandom(3).nextBytes(many);
        int[] draws = new int[5000];
        new SplitMixDraws(9).fill(draws, many.length);
        long expected = 0;
        for (int d : draws) expected += many[d];
        assertEquals(expected, new SplitMixDraws(9).sumOf(many, draws.length, many.length));
        assertThrows(IllegalArgumentException.class, () -> new SplitMixDraws(1).sumOf(new long[1], 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SplitMixDraws(1).sumOf(new byte[1], 1, 0));
    }

    @Test
    void refusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMixDraws(1).fill(new int[1], 0));
    }
}
