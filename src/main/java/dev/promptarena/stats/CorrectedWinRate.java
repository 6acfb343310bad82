package dev.promptarena.stats;

import java.util.Objects;

/**
 * B's win rate as a human panel would give it, estimated from a few human labels and the judge's verdicts on
 * every case (prediction-powered inference), beside the two estimates it combines.
 *
 * @param design          how the labelled cases were chosen, which decides the estimator
 * @param corrected       the human-corrected win rate (PPI++ with power-tuned λ)
 * @param humanOnly       the labels alone (λ = 0): valid but wide
 * @param judgeOnly       the judge's verdicts alone on every case: narrow, but off by the judge's bias
 * @param lambda          the tuned weight on the judge, in [0, 1] (0: the judge adds nothing; 1: plain PPI)
 * @param labels          labelled cases used
 * @param cases           cases with a judge verdict (labelled and not)
 * @param effectiveLabels how many randomly chosen human labels alone would give the corrected interval's width:
 *                        the per-label variance of the human score over the corrected estimate's variance
 *                        (NaN when that variance is 0)
 */
public record CorrectedWinRate(Design design, MeanEstimate corrected, MeanEstimate humanOnly, MeanEstimate judgeOnly,
                               double lambda, int labels, int cases, double effectiveLabels) {
    /** How the labelled cases were chosen. */
    public enum Design {
        /** A uniformly random subset of the cases (or one whose choice did not depend on the cases): PPI++. */
        RANDOM_SUBSET,
        /** Each case labelled with a known probability (active labelling): the inverse-probability-weighted PPI++. */
        KNOWN_PROBABILITIES
    }

    public CorrectedWinRate {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(corrected, "corrected");
        Objects.requireNonNull(humanOnly, "humanOnly");
        Objects.requireNonNull(judgeOnly, "judgeOnly");
        if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("lambda must be in [0, 1], got: " + lambda);
    }

    /** The judge's bias the labels revealed: judge-only minus corrected estimate (positive: the judge favours B). */
    public double judgeShift() { return judgeOnly.estimate() - corrected.estimate(); }

    /** Per-label variance of the human score over the corrected variance; NaN when the latter is 0. */
    static double effective(double humanVariance, MeanEstimate corrected) {
        double v = corrected.standardError() * corrected.standardError();
        return v > 0 ? humanVariance / v : Double.NaN;
    }
}
