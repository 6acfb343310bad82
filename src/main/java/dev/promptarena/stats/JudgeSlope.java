package dev.promptarena.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How much the human score moves with the judge's score on the labelled cases: the least-squares slope of human on
 * judge with its t interval, as {@code statsmodels.api.OLS(human, add_constant(judge)).fit()} gives
 * {@code params[1]} and {@code conf_int(alpha)[1]}. With 0/1 scores the slope is P(human B | judge B) − P(human B |
 * judge A): 1 for a judge the humans always follow, 0 for one they ignore. Unlike PPI++'s tuned λ it does not shrink
 * as the labelled share of the cases grows, so it measures the judge, not the design.
 *
 * @param slope    the OLS slope; NaN when the judge's scores do not vary (or fewer than 3 labels)
 * @param interval its t interval at 1 − alpha on n − 2 degrees of freedom; null when the slope is NaN
 */
public record JudgeSlope(double slope, Interval interval) {
    public static JudgeSlope of(double[] human, double[] judge, double alpha) {
        if (human.length != judge.length) throw new IllegalArgumentException("human and judge scores differ in length");
        int n = human.length;
        if (n < 3) return new JudgeSlope(Double.NaN, null);
        double mx = Moments.mean(judge), my = Moments.mean(human), sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (judge[i] - mx) * (judge[i] - mx);
            sxy += (judge[i] - mx) * (human[i] - my);
        }
        if (!(sxx > 0)) return new JudgeSlope(Double.NaN, null);
        double slope = sxy / sxx, rss = 0;
        for (int i = 0; i < n; i++) {
            double r = human[i] - my - slope * (judge[i] - mx);
            rss += r * r;
        }
        double se = Math.sqrt(rss / (n - 2) / sxx);
        double t = new TDistribution(null, n - 2).inverseCumulativeProbability(1 - alpha / 2);
        return new JudgeSlope(slope, new Interval(slope - t * se, slope + t * se, 1 - alpha, "ols-t"));
    }
}
