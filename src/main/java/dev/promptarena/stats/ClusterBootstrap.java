package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

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
    /** Whether a large resampling may take a second thread ({@link Resampling#PARALLEL_FROM}); see {@link #onOneThread()}. */
    private final boolean mayFork;

    /** The seed of every resampling stream this bootstrap draws. */
    long seed() { return seed; }

    /** Resamples per interval. */
    int resamples() { return resamples; }

    public ClusterBootstrap(long seed, int resamples) {
        this(seed, resamples, true);
    }

    private ClusterBootstrap(long seed, int resamples, boolean mayFork) {
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be >= " + MIN_RESAMPLES + ", got: " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
        this.mayFork = mayFork;
    }

    /**
     * The same bootstrap (same seed, same numbers) resampling on the calling thread only, for a caller that already
     * runs another bootstrap beside it: two bootstraps that each split their resamples put four threads on two cores,
     * and each second thread first skips the first one's draws in the stream, which costs about as much as drawing
     * them under the launcher's C1 compiler: at 10,000 cases the win-rate and axis bootstraps side by side took 20 %
     * more CPU split than not (bench/README.md, eighth session).
     */
    public ClusterBootstrap onOneThread() {
        return new ClusterBootstrap(seed, resamples, false);
    }

    /**
     * @param numerators   per-cluster sums of the quantity (e.g. sum of tie-half scores of a case's repeats)
     * @param denominators per-cluster counts (&gt; 0)
     * @param alpha        1 - confidence level
     */
    public BootstrapResult ratio(double[] numerators, double[] denominators, double alpha) {
        return ratios(List.of(numerators), List.of(denominators), alpha).get(0);
    }

    /**
     * Several ratio statistics over the same clusters (arrays of one length), resampled in one pass:
     * the resampled cluster indices depend only on the seed and the number of clusters, so each result
     * is exactly what {@link #ratio} gives for that statistic alone, for the cost of one stream.
     */
    public List<BootstrapResult> ratios(List<double[]> numerators, List<double[]> denominators, double alpha) {
        Checks.alpha(alpha);
        int stats = numerators.size();
        int k = stats == 0 ? 0 : numerators.get(0).length;
        if (stats == 0 || denominators.size() != stats || k == 0) {
            throw new IllegalArgumentException("need equally many non-empty statistics, got: " + stats + " and " + denominators.size());
        }
        for (int s = 0; s < stats; s++) {
            if (numerators.get(s).length != k || denominators.get(s).length != k) {
                throw new IllegalArgumentException("need equally long arrays, got: " + numerators.get(s).length + " and "
                        + denominators.get(s).length + " for " + k + " clusters");
            }
        }
        double[][] boot = resample(numerators.toArray(double[][]::new), denominators.toArray(double[][]::new));
        List<BootstrapResult> out = new ArrayList<>(stats);
        for (int s = 0; s < stats; s++) out.add(interval(numerators.get(s), denominators.get(s), boot[s], alpha));
        return out;
    }

    /**
     * The resampled statistics, {@code [statistic][resample]}: each resample draws {@code k} cluster indices
     * from one seeded stream (SplittableRandom's, see {@link SplitMixDraws}) and takes
     * {@code sum(numerator) / sum(denominator)} over them; {@link Resampling} runs this loop, the hot spot of a large
     * run's analysis, with exactly the sums of the plain loop over {@code nums[s][j]} (ClusterBootstrapTest).
     */
    double[][] resample(double[][] nums, double[][] dens) { return Resampling.resample(seed, resamples, nums, dens, mayFork); }

    /**
     * Clusters from which several statistics' values are read where they lie instead of from one interleaved copy: at
     * a million cases the copy of three axes' differences took 24 MB beside the arrays themselves (issue 21), and the
     * cache locality it buys matters little once the columns are far larger than the cache anyway. Values that are
     * all halves take the byte layout instead at any size ({@link Resampling.Layout#HALVES}).
     */
    static final int INTERLEAVED_BELOW = 100_000;

    /** The BCa interval (or the percentile interval, saying why) from one statistic's resamples. */
    private BootstrapResult interval(double[] numerators, double[] denominators, double[] boot, double alpha) {
        double totalNum = sum(numerators), totalDen = sum(denominators);
        // Each jackknife value is formed when read (no array of a double a cluster): the same value every time.
        return fromResamples(totalNum / totalDen, boot, i -> (totalNum - numerators[i]) / (totalDen - denominators[i]),
                numerators.length, alpha, resamples, seed);
    }

    /**
     * The BCa interval of a statistic from its resamples and its leave-one-cluster-out jackknife values, or the
     * percentile interval saying why BCa is undefined (see the class comment). Shared by every cluster bootstrap.
     *
     * @param boot resampled statistics (sorted in place)
     * @param jack the statistic without cluster {@code i}, for each of the {@code k} clusters (read twice per cluster)
     */
    static BootstrapResult fromResamples(double estimate, double[] boot, IntToDoubleFunction jack, int k, double alpha,
                                         int resamples, long seed) {
        Arrays.sort(boot);
        double level = 1 - alpha;
        String why = bcaProblem(k, boot, estimate, jack);
        double lo = alpha / 2, hi = 1 - alpha / 2;
        if (why == null) {
            double z0 = Normal.quantile(shareBelow(boot, estimate));
            double a = acceleration(jack, k);
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
        return means(List.of(values), alpha).get(0);
    }

    /** Plain means of several statistics over the same units, resampled together (see {@link #ratios}). */
    public List<BootstrapResult> means(List<double[]> values, double alpha) {
        // One array of ones for all statistics of the same length (read only): a copy per axis cost 8 bytes a case each.
        List<double[]> ones = new ArrayList<>();
        double[] o = new double[0];
        for (double[] v : values) {
            if (o.length != v.length) {
                o = new double[v.length];
                Arrays.fill(o, 1.0);
            }
            ones.add(o);
        }
        return ratios(values, ones, alpha);
    }

    private static String bcaProblem(int clusters, double[] sortedBoot, double estimate, IntToDoubleFunction jack) {
        if (clusters < 2) return "BCa needs at least 2 clusters";
        double below = shareBelow(sortedBoot, estimate);
        if (below <= 0 || below >= 1) return "BCa bias correction is infinite (all resamples on one side of the estimate)";
        if (!Double.isFinite(acceleration(jack, clusters))) return "BCa acceleration is undefined (jackknife estimates do not vary)";
        return null;
    }

    private static double bcaLevel(double z0, double a, double zAlpha) {
        double s = z0 + zAlpha;
        return Normal.cdf(z0 + s / (1 - a * s));
    }

    /** Acceleration from the leave-one-cluster-out jackknife (Efron and Tibshirani 1993, eq. 14.15). */
    private static double acceleration(IntToDoubleFunction jack, int k) {
        double mean = 0;
        for (int i = 0; i < k; i++) mean += jack.applyAsDouble(i) / k;
        double s2 = 0, s3 = 0;
        for (int i = 0; i < k; i++) {
            double d = mean - jack.applyAsDouble(i);
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
