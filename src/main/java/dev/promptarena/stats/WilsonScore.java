package dev.promptarena.stats;

/**
 * Wilson score interval for a binomial proportion (Wilson 1927), the interval R's
 * {@code prop.test(correct = FALSE)} and statsmodels' {@code proportion_confint(method="wilson")} give.
 * Chosen over the Wald interval because it keeps its coverage near 0 and 1 and for small n.
 *
 * <p>Fractional successes are allowed so the tie-half win rate (a tie counts as half a win) can be
 * used directly; treating the 0 / ½ / 1 score as if it were Bernoulli overstates its variance by
 * {@code tieRate / 4}, so the interval is conservative when ties are frequent.
 */
public final class WilsonScore {
    private WilsonScore() {}

    /**
     * @param successes number of successes, may be fractional (0 &lt;= successes &lt;= n)
     * @param n         number of trials (&gt; 0)
     * @param alpha     1 - confidence level
     */
    public static Interval interval(double successes, int n, double alpha) {
        if (n <= 0) throw new IllegalArgumentException("n must be > 0, got: " + n);
        if (!(successes >= 0 && successes <= n)) {
            throw new IllegalArgumentException("successes must be in [0, n], got: " + successes + " of " + n);
        }
        double z = Normal.twoSidedCritical(alpha);
        double p = successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
        // Clamp away floating-point dust so 0 and 1 stay inside [0, 1].
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), 1 - alpha, "wilson");
    }
}
