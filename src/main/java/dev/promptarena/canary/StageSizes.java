package dev.promptarena.canary;

import dev.promptarena.stats.SampleSize;

/**
 * Units each ramp stage needs to detect the pre-registered online effect (a rate moving from {@code baseline}
 * by {@code mde}) with a two-proportion test, reusing {@link SampleSize#twoProportions} for the equal split.
 * With a treatment share f the test's variance p(1−p)(1/n_T + 1/n_C) equals the equal split's 2p(1−p)/n when
 * n_T = n / (2(1 − f)), so n_T = n/(2(1−f)) and the stage's total traffic n_T / f: at 1% that is about
 * 50 times the equal-split per-arm size, which is why the early stages are for safety, not for the decision.
 * (Exact for equal arm variances; the pooled form of the formula makes it a close approximation otherwise.)
 */
public final class StageSizes {
    private StageSizes() {}

    /** Treatment units and total units at treatment fraction {@code f}; null at f = 1 (no control left). */
    public static long[] at(double f, double baseline, double mde, double alpha, double power) {
        if (!(f > 0 && f <= 1)) throw new IllegalArgumentException("fraction must be in (0, 1], got: " + f);
        if (f >= 1) return null;
        int perArm = SampleSize.twoProportions(baseline, mde, alpha, power).perArm();
        long treatment = (long) Math.ceil(perArm / (2 * (1 - f)));
        long total = (long) Math.ceil(treatment / f - 1e-9);
        return new long[] {treatment, total};
    }
}
