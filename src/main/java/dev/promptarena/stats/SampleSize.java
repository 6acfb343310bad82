package dev.promptarena.stats;

/**
 * Sample size and minimum detectable effect (MDE) by the normal approximation, two-sided alpha.
 *
 * <p>Each function matches the test the tool actually runs, so a plan made here predicts the gate:
 * <ul>
 *   <li>{@link #twoProportions}: two independent arms, pooled-variance z-test
 *       n = (z_{1−α/2}·√(2·p̄(1−p̄)) + z_{1−β}·√(p_A(1−p_A) + p_B(1−p_B)))² / (p_B − p_A)² per arm,
 *       p̄ = (p_A + p_B) / 2 (the background doc's formula: 0.60 → 0.65 needs 1,471 per arm).</li>
 *   <li>{@link #winRate}: the gate passes when the lower bound of the {@link TieAwareScore} interval of the
 *       tie-half win rate clears a threshold p₀, i.e. when (p̂ − p₀) / √((p₀(1−p₀) − t/4)/n) exceeds z_{1−α/2}:
 *       the score is 1 / ½ / 0, so its variance is p(1−p) − t/4 for tie rate t, under the null as under the
 *       alternative, hence n = (z_{1−α/2}·√(p₀(1−p₀) − t/4) + z_{1−β}·√(p(1−p) − t/4))² / (p − p₀)².
 *       {@link #winRatePower} inverts it.</li>
 *   <li>{@link #paired}: paired differences with standard deviation σ_d from a pilot,
 *       n = ((z_{1−α/2} + z_{1−β})·σ_d / δ)² + z²_{1−α/2} / 2, the second term being Guenther's (1981)
 *       correction that makes the normal formula match the paired t-test to within one pair.</li>
 * </ul>
 * Results are rounded up to whole units.
 */
public final class SampleSize {
    private SampleSize() {}

    /** Result of a two-arm calculation. */
    public record TwoArm(int perArm, int total) {}

    /** Cases needed per arm and in total to detect baseline → baseline + mde between two independent arms. */
    public static TwoArm twoProportions(double baseline, double mde, double alpha, double power) {
        double pa = baseline, pb = baseline + mde;
        Checks.openProbability("baseline", pa);
        Checks.openProbability("baseline + mde", pb);
        if (mde == 0) throw new IllegalArgumentException("mde must not be 0");
        double exact = twoProportionsExact(pa, pb, alpha, power);
        int perArm = wholeCount(exact, "cases per arm");
        return new TwoArm(perArm, wholeCount(2 * Math.ceil(exact), "cases in total"));
    }

    private static double twoProportionsExact(double pa, double pb, double alpha, double power) {
        double pooled = (pa + pb) / 2;
        double num = Normal.twoSidedCritical(alpha) * Math.sqrt(2 * pooled * (1 - pooled))
                + zPower(power) * Math.sqrt(pa * (1 - pa) + pb * (1 - pb));
        return Math.pow(num / (pb - pa), 2);
    }

    /**
     * Judged cases needed for the win-rate gate.
     *
     * @param winRate   B's expected tie-half win rate (e.g. 0.6)
     * @param tieRate   expected share of ties (including inconsistent verdicts), in [0, 1)
     * @param threshold the value the interval must clear (0.5, or 0.5 − margin for non-inferiority)
     */
    public static int winRate(double winRate, double tieRate, double threshold, double alpha, double power) {
        return wholeCount(winRateExact(winRate, tieRate, threshold, alpha, power), "judged cases");
    }

    private static double winRateExact(double p, double t, double p0, double alpha, double power) {
        Checks.openProbability("threshold", p0);
        if (!(t >= 0 && t < 1)) throw new IllegalArgumentException("tieRate must be in [0, 1), got: " + t);
        if (!(p - t / 2 >= 0 && p + t / 2 <= 1)) { // written so that NaN fails it too
            throw new IllegalArgumentException("winRate " + p + " is impossible with tieRate " + t + " (ties alone contribute " + t / 2 + ")");
        }
        if (p == p0) throw new IllegalArgumentException("winRate must differ from the threshold " + p0);
        double num = Normal.twoSidedCritical(alpha) * Math.sqrt(Math.max(0, p0 * (1 - p0) - t / 4))
                + zPower(power) * Math.sqrt(Math.max(0, p * (1 - p) - t / 4));
        return Math.pow(num / (p - p0), 2);
    }

    /**
     * Power of the win-rate gate with {@code n} judged cases: the chance the interval clears {@code threshold} on
     * the side of {@code winRate}, Φ((|p − p₀|·√n − z_{1−α/2}·√(p₀(1−p₀) − t/4)) / √(p(1−p) − t/4)).
     */
    public static double winRatePower(int n, double winRate, double tieRate, double threshold, double alpha) {
        if (n <= 0) throw new IllegalArgumentException("n must be > 0, got: " + n);
        Checks.openProbability("threshold", threshold);
        double v0 = Math.max(0, threshold * (1 - threshold) - tieRate / 4), v1 = winRate * (1 - winRate) - tieRate / 4;
        if (!(v1 > 0)) throw new IllegalArgumentException("winRate " + winRate + " with tieRate " + tieRate + " has no variance");
        double zs = (Math.abs(winRate - threshold) * Math.sqrt(n) - Normal.twoSidedCritical(alpha) * Math.sqrt(v0)) / Math.sqrt(v1);
        return Normal.cdf(zs);
    }

    /** Pairs needed to detect a mean paired difference {@code mde} given the SD of differences. */
    public static int paired(double sdDifference, double mde, double alpha, double power) {
        Checks.positive("sdDifference", sdDifference);
        if (mde == 0) throw new IllegalArgumentException("mde must not be 0");
        double za = Normal.twoSidedCritical(alpha);
        double n = Math.pow((za + zPower(power)) * sdDifference / mde, 2) + za * za / 2;
        return wholeCount(n, "pairs");
    }

    /**
     * {@code exact} rounded up to a whole count. A count beyond {@link Integer#MAX_VALUE} is refused with its true size:
     * the cast would clamp it to 2,147,483,647 (and twice that to a negative total), a plan no run could carry out.
     *
     * @param what the unit, for the message (e.g. "judged cases")
     */
    public static int wholeCount(double exact, String what) {
        double up = Math.ceil(exact);
        if (!(up <= Integer.MAX_VALUE)) {
            // An effect so small that the size overflows a double printed "needs about Infinity cases".
            if (!Double.isFinite(exact)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "needs more %s than any count (over %,d): the effect"
                        + " is too small to detect with any golden set; plan for a larger effect", what, Integer.MAX_VALUE));
            }
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "needs about %.3g %s, more than %,d: the effect"
                    + " is too small to detect with any golden set; plan for a larger effect", exact, what, Integer.MAX_VALUE));
        }
        return (int) up;
    }

    /** Smallest upward lift from {@code baseline} detectable with {@code perArm} cases per arm. */
    public static double mdeTwoProportions(double baseline, int perArm, double alpha, double power) {
        Checks.openProbability("baseline", baseline);
        return bisect(d -> twoProportionsExact(baseline, baseline + d, alpha, power), perArm, 1 - baseline);
    }

    /** Smallest win rate above {@code threshold} the win-rate gate detects with {@code n} judged cases; returned as win rate − threshold. */
    public static double mdeWinRate(int n, double tieRate, double threshold, double alpha, double power) {
        return bisect(d -> winRateExact(threshold + d, tieRate, threshold, alpha, power), n, 1 - threshold - tieRate / 2);
    }

    /** Smallest mean paired difference detectable with {@code n} pairs. */
    public static double mdePaired(double sdDifference, int n, double alpha, double power) {
        Checks.positive("sdDifference", sdDifference);
        double za = Normal.twoSidedCritical(alpha);
        double effective = n - za * za / 2;
        if (effective <= 0) throw new IllegalArgumentException("n is too small: " + n);
        return (za + zPower(power)) * sdDifference / Math.sqrt(effective);
    }

    /** Finds the effect d in (0, upper) whose required n equals {@code n}; required n falls as d grows. */
    private static double bisect(java.util.function.DoubleUnaryOperator required, int n, double upper) {
        if (n <= 0) throw new IllegalArgumentException("n must be > 0, got: " + n);
        double lo = 1e-9, hi = upper - 1e-9;
        if (required.applyAsDouble(hi) > n) return Double.NaN; // even the largest possible effect needs more
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (required.applyAsDouble(mid) > n) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    private static double zPower(double power) {
        Checks.openProbability("power", power);
        return Normal.quantile(power);
    }
}
