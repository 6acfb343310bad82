package dev.promptarena.stats;

/**
 * Cohen's kappa between two judges of a panel, over the outcomes both scored; with three or more
 * judges these show which judge is the odd one out, which Fleiss' single number cannot.
 *
 * @param first    first judge id
 * @param second   second judge id
 * @param items    outcomes both judges scored
 * @param observed share of identical verdicts (A, B, tie); null without items
 * @param kappa    Cohen's kappa; null when undefined
 * @param interval its Wald interval; null when kappa is
 */
public record PairwiseKappa(String first, String second, int items, Double observed, Double kappa, Interval interval) {}
