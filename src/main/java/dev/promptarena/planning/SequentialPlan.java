package dev.promptarena.planning;

import dev.promptarena.stats.SampleSize;
import dev.promptarena.stats.sequential.Boundaries;
import dev.promptarena.stats.sequential.GroupSequential;
import dev.promptarena.stats.sequential.Operating;
import dev.promptarena.stats.sequential.SequentialDesign;
import dev.promptarena.stats.sequential.TieScore;
import dev.promptarena.stats.Normal;

/**
 * Judged cases a sequential design needs for the win-rate gate, and what it saves.
 *
 * <p>The fixed design needs n = (z_{1−α₁}·σ₀ + z_{1−β}·σ₁)² / (p − ½)² judged cases, σ₀² = (1 − t)/4 the
 * variance {@link TieScore#z} standardizes by and σ₁² = p(1 − p) − t/4 the true one under the alternative.
 * The sequential design's maximum is the inflation factor times that, IF = η² / (z_{1−α₁} + z_{1−β})²
 * (Jennison &amp; Turnbull §2.4; rpact's "inflation factor"); the expected number of cases is the maximum
 * times the expected information fraction at the stop, computed by the same grid integration.
 *
 * @param fixedCases      judged cases for the fixed design at the same alpha and power
 * @param maxCases        cases at the last look
 * @param expectedNull    expected judged cases when B is no better (win rate ½, futility obeyed)
 * @param expectedAlt     expected judged cases at the planned win rate
 * @param lookCases       the cases at each look, ⌈fraction · maxCases⌉
 */
public record SequentialPlan(SequentialDesign design, Boundaries boundaries, double winRate, double tieRate,
                             int fixedCases, int maxCases, double inflation, double expectedNull, double expectedAlt,
                             java.util.List<Integer> lookCases) {

    /** Plans {@code design} for B's expected win rate and tie rate. */
    public static SequentialPlan of(SequentialDesign design, double winRate, double tieRate) {
        double delta = winRate - 0.5;
        if (!(Math.abs(delta) > 1e-9)) throw new IllegalArgumentException("winRate must differ from 0.5, got: " + winRate);
        if (delta < 0) throw new IllegalArgumentException("winRate must be above 0.5 (the design stops for B being better), got: " + winRate);
        double sd1 = Math.sqrt(TieScore.variance(winRate, tieRate)), sd0 = Math.sqrt(TieScore.nullVariance(tieRate));
        double za = Normal.quantile(1 - design.upperLevel()), zb = Normal.quantile(1 - design.beta());
        double fixedExact = Math.pow((za * sd0 + zb * sd1) / delta, 2);
        Boundaries b = GroupSequential.compute(design);
        double inflation = Math.pow(b.drift() / (za + zb), 2);
        int max = SampleSize.wholeCount(inflation * fixedExact - 1e-9, "judged cases at the last look");
        java.util.List<Integer> looks = design.fractions().stream().map(t -> (int) Math.ceil(t * max - 1e-9)).toList();
        return new SequentialPlan(design, b, winRate, tieRate, SampleSize.wholeCount(fixedExact - 1e-9, "judged cases"), max, inflation,
                max * Operating.at(b, 0).expectedFraction(), max * Operating.at(b, b.drift()).expectedFraction(), looks);
    }

    /** Expected saving in judged cases against the fixed design when B is as good as planned, as a fraction. */
    public double savingAlt() { return 1 - expectedAlt / fixedCases; }

    /** Expected saving (negative: extra cases) against the fixed design under the null. */
    public double savingNull() { return 1 - expectedNull / fixedCases; }
}
