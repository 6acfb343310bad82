package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void refusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMixDraws(1).fill(new int[1], 0));
    }
}
