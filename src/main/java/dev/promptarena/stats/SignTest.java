package dev.promptarena.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Exact two-sided binomial test, and the sign test built on it (wins vs losses, ties dropped).
 *
 * <p>The two-sided p-value sums the probabilities of all outcomes no more likely than the observed
 * one, comparing probabilities with a relative tolerance of 1e-7 exactly as R's {@code binom.test}
 * and scipy's {@code binomtest} do. The tolerance matters: for p = ½, P(X = 40) and P(X = 60) of
 * Bin(100, ½) are mathematically equal but differ in the last bits, and a strict comparison (as in
 * commons-statistics-inference 1.1's {@code BinomialTest}) drops the mirror outcome and understates p.
 */
public final class SignTest {
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private SignTest() {}

    /** Exact two-sided binomial test of {@code k} successes in {@code n} trials against probability {@code p}. */
    public static double binomialP(int k, int n, double p) {
        if (n < 0 || k < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n, got: k=" + k + ", n=" + n);
        Checks.probability("p", p);
        if (n == 0) return 1.0; // no evidence at all: nothing to reject
        BinomialDistribution dist = BinomialDistribution.of(n, p);
        double d = dist.probability(k) * RELATIVE_TOLERANCE;
        double mean = n * p;
        double total;
        if (k == mean) {
            return 1.0;
        } else if (k < mean) {
            int y = 0; // outcomes on the upper side no more likely than k
            for (int i = (int) Math.ceil(mean); i <= n; i++) if (dist.probability(i) <= d) y++;
            total = dist.cumulativeProbability(k) + (y == 0 ? 0 : dist.survivalProbability(n - y));
        } else {
            int y = 0; // outcomes on the lower side no more likely than k
            for (int i = 0; i <= (int) Math.floor(mean); i++) if (dist.probability(i) <= d) y++;
            total = (y == 0 ? 0 : dist.cumulativeProbability(y - 1)) + dist.survivalProbability(k - 1);
        }
        return Math.min(1, total);
    }

    /** Sign test: are wins and losses equally likely? Ties are not evidence either way and are dropped. */
    public static double twoSided(int wins, int losses) {
        if (wins < 0 || losses < 0) throw new IllegalArgumentException("counts must be >= 0, got: " + wins + ", " + losses);
        return binomialP(wins, wins + losses, 0.5);
    }
}
