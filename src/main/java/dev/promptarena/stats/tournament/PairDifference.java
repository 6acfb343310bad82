package dev.promptarena.stats.tournament;

import dev.promptarena.stats.Interval;

/**
 * Score difference of two variants, {@code a − b}.
 *
 * @param a          first variant
 * @param b          second variant
 * @param difference score of a minus score of b
 * @param interval   bootstrap percentile interval of the difference
 * @param p          two-sided bootstrap p-value of "no difference", (1 + #resamples on the far side of 0) · 2 / (B + 1)
 * @param pHolm      p Holm-adjusted over all k(k−1)/2 pairs (family-wise error over every "above" claim)
 * @param separated  pHolm below alpha: the ranking says one of them is above the other
 */
public record PairDifference(int a, int b, double difference, Interval interval, double p, double pHolm, boolean separated) {
    /** The variant this pair ranks above the other, or −1 when not separated. */
    public int above() { return !separated ? -1 : difference > 0 ? a : b; }
}
