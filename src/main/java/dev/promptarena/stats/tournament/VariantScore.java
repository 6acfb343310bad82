package dev.promptarena.stats.tournament;

import dev.promptarena.stats.Interval;

/**
 * One variant's place in a tournament ranking.
 *
 * @param variant   variant index
 * @param score     Bradley–Terry score (log-strength relative to the reference variant)
 * @param interval  bootstrap percentile interval of the score (cases resampled); [0, 0] for the reference
 * @param bestShare share of bootstrap resamples in which this variant has the highest score: P(best)
 * @param rankBest  best rank the evidence allows: 1 + number of variants separated above it
 * @param rankWorst worst rank the evidence allows: k − number of variants it is separated above
 */
public record VariantScore(int variant, double score, Interval interval, double bestShare, int rankBest, int rankWorst) {
    public VariantScore {
        if (rankBest < 1 || rankWorst < rankBest) throw new IllegalArgumentException("need 1 <= rankBest <= rankWorst, got: " + rankBest + ", " + rankWorst);
    }
}
