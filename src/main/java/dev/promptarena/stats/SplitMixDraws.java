package dev.promptarena.stats;

/**
 * Uniform draws from {@code [0, bound)}: exactly the stream of {@code new java.util.SplittableRandom(seed).nextInt(bound)}
 * (SplitMix64's {@code mix32}, Steele, Lea and Flood 2014, and its rejection loop), written out so that the
 * bootstrap's inner loop runs it without calls. In JDK 17, {@code SplittableRandom.nextInt(bound)} goes through
 * the {@code RandomGenerator} default method and {@code RandomSupport.boundedNextInt}, which the client compiler
 * the launcher uses does not inline: drawing 10,000 x 1,000 indices took 65 ms that way and 28 ms this way.
 * SplitMixDrawsTest holds it to the JDK's stream.
 */
final class SplitMixDraws {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    SplitMixDraws(long seed) { this.state = seed; }

    /** Fills {@code out} with the next {@code out.length} draws from {@code [0, bound)}. */
    void fill(int[] out, int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got: " + bound);
        int m = bound - 1;
        boolean powerOfTwo = (bound & m) == 0;
        long s = state;
        for (int i = 0; i < out.length; i++) {
            s += GOLDEN_GAMMA;
            int r = mix32(s);
            if (powerOfTwo) {
                r &= m;
            } else {
                // Reject the top of the range that would favour small values (as SplittableRandom does).
                for (int u = r >>> 1; u + m - (r = u % bound) < 0; ) {
                    s += GOLDEN_GAMMA;
                    u = mix32(s) >>> 1;
                }
            }
            out[i] = r;
        }
        state = s;
    }

    /**
     * The sum of {@code values[d]} over the next {@code count} draws {@code d} from {@code [0, bound)}: exactly the draws
     * {@link #fill} makes, summed as they are drawn. Why: under the launcher's C1 compiler, storing the draws in an
     * index array and reading them back in a second loop cost ~9 % more than drawing and summing in one loop (10,000 x
     * 10,000 draws, bench/README.md, sixteenth session). SplitMixDrawsTest holds both sums to fill's draws.
     */
    long sumOf(byte[] values, int count, int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got: " + bound);
        int m = bound - 1;
        boolean powerOfTwo = (bound & m) == 0;
        long s = state, sum = 0;
        for (int i = 0; i < count; i++) {
            s += GOLDEN_GAMMA;
            int r = mix32(s);
            if (powerOfTwo) {
                r &= m;
            } else {
                for (int u = r >>> 1; u + m - (r = u % bound) < 0; ) {
                    s += GOLDEN_GAMMA;
                    u = mix32(s) >>> 1;
                }
            }
            sum += values[r];
        }
        state = s;
        return sum;
    }

    /** As {@link #sumOf(byte[], int, int)}, over long values (packed lanes, PackedHalves: the caller bounds the count). */
    long sumOf(long[] values, int count, int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got: " + bound);
        int m = bound - 1;
        boolean powerOfTwo = (bound & m) == 0;
        long s = state, sum = 0;
        for (int i = 0; i < count; i++) {
            s += GOLDEN_GAMMA;
            int r = mix32(s);
            if (powerOfTwo) {
                r &= m;
            } else {
                for (int u = r >>> 1; u + m - (r = u % bound) < 0; ) {
                    s += GOLDEN_GAMMA;
                    u = mix32(s) >>> 1;
                }
            }
            sum += values[r];
        }
        state = s;
        return sum;
    }

    /**
     * Advances the stream past the next {@code count} draws from {@code [0, bound)} without forming them: exactly
     * what {@link #fill} would consume (its rejected values included), so a second thread can start a bootstrap's
     * resamples part-way through the one stream and draw what the first thread would have drawn there
     * (Resampling). No division: a first value {@code u} is kept iff it lies below the largest multiple of
     * {@code bound} not above 2^31, which is when {@link #fill}'s test {@code u + m - u % bound} does not overflow.
     */
    void skip(long count, int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got: " + bound);
        if ((bound & (bound - 1)) == 0) {
            state += count * GOLDEN_GAMMA;
            return;
        }
        long limit = ((1L << 31) / bound) * bound;
        long s = state;
        for (long i = 0; i < count; i++) {
            do {
                s += GOLDEN_GAMMA;
            } while ((mix32(s) >>> 1) >= limit);
        }
        state = s;
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
