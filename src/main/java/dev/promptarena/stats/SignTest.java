package dev.promptarena.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Exact two-sided binomial test, and the sign test built on it (wins vs losses, ties dropped).
 * The two-sided p-value sums the probabilities of all outcomes no more likely than the observed one,
 * as R's {@code binom.test} and scipy's {@code binomtest} do.
 */
public final class SignTest {
    private SignTest() {}

    /** Exact two-sided binomial test of {@code k} successes in {@code n} trials against probability {@code p}. */
    public static double binomialP(int k, int n, double p) {
        if (n == 0) return 1.0; // no evidence at all: nothing to reject
        return BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(n, k, p).getPValue();
    }

    /** Sign test: are wins and losses equally likely? Ties are not evidence either way and are dropped. */
    public static double twoSided(int wins, int losses) {
        if (wins < 0 || losses < 0) throw new IllegalArgumentException("counts must be >= 0, got: " + wins + ", " + losses);
        return binomialP(wins, wins + losses, 0.5);
    }
}
