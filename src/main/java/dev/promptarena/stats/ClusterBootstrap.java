package dev.promptarena.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Nonparametric bootstrap over clusters for a ratio statistic {@code sum(numerator) / sum(denominator)}.
 *
 * <p>Why clusters: with {@code --repeats} one case yields several outcomes that share the same input and
 * are correlated; resampling whole cases (all their repeats together) keeps that correlation, so the
 * interval does not pretend repeats are independent cases. A plain mean over cases is the special case
 * denominator = 1 per cluster.
 *
 * <p>Interval: BCa (Efron 1987) with bias correction {@code z0 = Φ⁻¹((#{θ* &lt; θ̂} + #{θ* &lt;= θ̂}) / 2B)} and acceleration
 * from the leave-one-cluster-out jackknife, quantiles by linear interpolation, exactly the recipe of
 * {@code scipy.stats.bootstrap(method="BCa")}. BCa is undefined when every resample lies on one side of
 * θ̂ (z0 infinite), when the jackknife has no spread (acceleration 0/0) or with fewer than 2 clusters;
 * then the percentile interval is used and {@link BootstrapResult#note()} says why.
 */
public final class ClusterBootstrap {
    /** The fewest resamples we accept: fewer makes the interval endpoints visibly noisy. */
    public static final int MIN_RESAMPLES = 2000;

    private final long seed;
    private final int resamples;

    public ClusterBootstrap(long seed, int resamples) {
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be >= " + MIN_RESAMPLES + ", got: " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    /**
     * @param numerators   per-cluster sums of the quantity (e.g. sum of tie-half scores of a case's repeats)
     * @param denominators per-cluster counts (&gt; 0)
     * @param alpha        1 - confidence level
     */
    public BootstrapResult ratio(double[] numerators, double[] denominators, double alpha) {
        Checks.alpha(alpha);
        int k = numerators.length;
        if (k == 0 || denominators.length != k) {
            throw new IllegalArgumentException("need equally long non-empty arrays, got: " + k + " and " + denominators.length);
        }
        double estimate = sum(numerators) / sum(denominators);
        double[] boot = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            double num = 0, den = 0;
            for (int i = 0; i < k; i++) {
                int j = random.nextInt(k);
                num += numerators[j];
                den += denominators[j];
            }
            boot[b] = num / den;
        }
        Arrays.sort(boot);
        double level = 1 - alpha;
        String why = bcaProblem(numerators, denominators, boot, estimate);
        double lo = alpha / 2, hi = 1 - alpha / 2;
        if (why == null) {
            double z0 = Normal.quantile(shareBelow(boot, estimate));
            double a = acceleration(numerators, denominators);
            double[] adjusted = {bcaLevel(z0, a, Normal.quantile(lo)), bcaLevel(z0, a, Normal.quantile(hi))};
            if (Double.isFinite(adjusted[0]) && Double.isFinite(adjusted[1])) {
                return new BootstrapResult(estimate, new Interval(Quantiles.type7(boot, adjusted[0]),
                        Quantiles.type7(boot, adjusted[1]), level, "bootstrap-bca"), k, resamples, seed, null);
            }
            why = "BCa quantile levels were not finite";
        }
        return new BootstrapResult(estimate, new Interval(Quantiles.type7(boot, lo), Quantiles.type7(boot, hi),
                level, "bootstrap-percentile"), k, resamples, seed, why);
    }

    /** Bootstrap of a plain mean over independent units (each unit its own cluster). */
    public BootstrapResult mean(double[] values, double alpha) {
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1.0);
        return ratio(values, ones, alpha);
    }

    private static String bcaProblem(double[] num, double[] den, double[] sortedBoot, double estimate) {
        if (num.length < 2) return "BCa needs at least 2 clusters";
        double below = shareBelow(sortedBoot, estimate);
        if (below <= 0 || below >= 1) return "BCa bias correction is infinite (all resamples on one side of the estimate)";
        if (!Double.isFinite(acceleration(num, den))) return "BCa acceleration is undefined (jackknife estimates do not vary)";
        return null;
    }

    private static double bcaLevel(double z0, double a, double zAlpha) {
        double s = z0 + zAlpha;
        return Normal.cdf(z0 + s / (1 - a * s));
    }

    /** Acceleration from the leave-one-cluster-out jackknife (Efron and Tibshirani 1993, eq. 14.15). */
    private static double acceleration(double[] num, double[] den) {
        int k = num.length;
        double totalNum = sum(num), totalDen = sum(den);
        double[] jack = new double[k];
        double mean = 0;
        for (int i = 0; i < k; i++) {
            jack[i] = (totalNum - num[i]) / (totalDen - den[i]);
            mean += jack[i] / k;
        }
        double s2 = 0, s3 = 0;
        for (double v : jack) {
            double d = mean - v;
            s2 += d * d;
            s3 += d * d * d;
        }
        return s3 / (6 * Math.pow(s2, 1.5)); // NaN when s2 == 0
    }

    /**
     * Share of resamples below the estimate, counting resamples equal to it as half: win rates are
     * discrete, so many resamples hit the estimate exactly and counting them fully on either side
     * would bias z0 (same "mean" rule as scipy's {@code percentileofscore(kind="mean")}).
     */
    private static double shareBelow(double[] sorted, double value) {
        int strict = 0;
        while (strict < sorted.length && sorted[strict] < value) strict++;
        int weak = strict;
        while (weak < sorted.length && sorted[weak] <= value) weak++;
        return (strict + weak) / (2.0 * sorted.length);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
