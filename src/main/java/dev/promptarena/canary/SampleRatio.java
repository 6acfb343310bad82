package dev.promptarena.canary;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Sample-ratio mismatch (SRM): Pearson's chi-square goodness-of-fit test of the observed units per variant
 * against the planned split, as {@code scipy.stats.chisquare(observed, f_exp)} computes it. A mismatch
 * means the assignment or the logging is broken, so every metric of that window is suspect; the
 * conventional threshold is p &lt; 0.001 because the check runs on every window.
 *
 * @param observed  units per variant
 * @param planned   planned shares per variant (summing to 1)
 * @param statistic the chi-square statistic
 * @param df        degrees of freedom (variants − 1)
 * @param p         upper-tail p-value
 */
public record SampleRatio(long[] observed, double[] planned, double statistic, int df, double p) {
    /** The conventional SRM alarm level. */
    public static final double DEFAULT_ALPHA = 0.001;

    /** Tests the counts against the planned shares (normalized, so percentages work too). */
    public static SampleRatio test(long[] observed, double[] planned) {
        if (observed.length != planned.length || observed.length < 2) {
            throw new IllegalArgumentException("need counts and planned shares for at least two variants, got " + observed.length + " and " + planned.length);
        }
        double total = Arrays.stream(observed).sum();
        double shareSum = Arrays.stream(planned).sum();
        if (total <= 0) throw new IllegalArgumentException("no units observed");
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] < 0) throw new IllegalArgumentException("counts must be >= 0, got: " + observed[i]);
            if (!(planned[i] > 0)) throw new IllegalArgumentException("planned shares must be > 0, got: " + planned[i]);
            double expected = total * planned[i] / shareSum;
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        int df = observed.length - 1;
        double p = ChiSquaredDistribution.of(df).survivalProbability(chi);
        return new SampleRatio(observed.clone(), planned.clone(), chi, df, p);
    }

    /** Whether the split is implausible at the given level. */
    public boolean mismatch(double alpha) { return p < alpha; }
}
