package dev.promptarena.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * McNemar's test for paired pass/fail outcomes: did A and B pass a check at different rates on the
 * same cases? Only discordant pairs carry information: {@code aOnly} cases where only A passed and
 * {@code bOnly} where only B passed. Under the null hypothesis each discordant pair is a fair coin.
 */
public final class McNemar {
    private McNemar() {}

    /**
     * Exact two-sided p-value: {@code min(1, 2 * P(X <= min(aOnly, bOnly)))} with
     * {@code X ~ Binomial(aOnly + bOnly, 1/2)}, the same as R's {@code binom.test(aOnly, aOnly + bOnly)}
     * and statsmodels' {@code mcnemar(table, exact=True)}. 1 when there are no discordant pairs.
     */
    public static double exactP(int aOnly, int bOnly) {
        check(aOnly, bOnly);
        int n = aOnly + bOnly;
        if (n == 0) return 1;
        double tail = BinomialDistribution.of(n, 0.5).cumulativeProbability(Math.min(aOnly, bOnly));
        return Math.min(1, 2 * tail);
    }

    /**
     * Mid-p variant: the observed outcome counts half, {@code 2 * P(X < k) + P(X = k)}. Less conservative
     * than {@link #exactP} with type I error close to nominal (Fagerland, Lydersen and Laake, 2013,
     * BMC Med Res Methodol 13:91); 1 when there are no discordant pairs.
     */
    public static double midP(int aOnly, int bOnly) {
        check(aOnly, bOnly);
        int n = aOnly + bOnly;
        if (n == 0) return 1;
        BinomialDistribution d = BinomialDistribution.of(n, 0.5);
        int k = Math.min(aOnly, bOnly);
        return Math.min(1, 2 * d.cumulativeProbability(k) - d.probability(k));
    }

    /**
     * Clustered McNemar (Durkalski, Palesch, Lipsitz and Rust, 2003, Stat Med 22:1417) for repeats of
     * the same case, which are not independent: {@code X = (sum(a_k - b_k))^2 / sum((a_k - b_k)^2)}
     * over cases k, referred to chi-squared with 1 df. With one pair per case it equals the uncorrected
     * asymptotic McNemar statistic, R's {@code mcnemar.test(table, correct = FALSE)}.
     *
     * @param aOnly per case, the repeats where only A passed
     * @param bOnly per case, the repeats where only B passed (same length)
     */
    public static double clusteredP(int[] aOnly, int[] bOnly) {
        if (aOnly.length != bOnly.length) throw new IllegalArgumentException("lengths differ: " + aOnly.length + " vs " + bOnly.length);
        double sum = 0, sumSq = 0;
        for (int k = 0; k < aOnly.length; k++) {
            check(aOnly[k], bOnly[k]);
            double d = aOnly[k] - bOnly[k];
            sum += d;
            sumSq += d * d;
        }
        if (sumSq == 0) return 1;
        return ChiSquaredDistribution.of(1).survivalProbability(sum * sum / sumSq);
    }

    private static void check(int aOnly, int bOnly) {
        if (aOnly < 0 || bOnly < 0) throw new IllegalArgumentException("counts must be >= 0, got: " + aOnly + ", " + bOnly);
    }
}
