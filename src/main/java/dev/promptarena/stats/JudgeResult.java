package dev.promptarena.stats;

/**
 * One judge of the panel on its own (exploratory): its verdicts as if it had been the only judge.
 *
 * @param judge               judge id
 * @param votes               its votes on outcomes without generation errors
 * @param unparseableVotes    of those, votes it never gave in a readable form (after the re-ask)
 * @param unparseableRate     unparseableVotes / votes; null without votes
 * @param truncatedVotes      votes whose reply was cut off at the judge's token limit
 * @param scored              outcomes it gave a scored verdict on
 * @param wins                outcomes it gave to B
 * @param losses              outcomes it gave to A
 * @param ties                outcomes it called a tie (including its inconsistent ones)
 * @param inconsistent        outcomes where its winner depended on the presentation order
 * @param winRate             B's tie-half win rate by this judge; null when it scored nothing
 * @param winRateInterval     Wilson interval of winRate
 * @param samples             most samples it gave one pair in one order ({@code samples:})
 * @param stability           share of (outcome, order) pairs with at least two readable samples in which
 *                            all its samples named the same winner; null when it was asked once per pair
 * @param stablePairs         of those pairs, the ones whose samples all agreed
 * @param stabilityPairs      pairs that stability is computed over
 * @param orderBias           its position-bias diagnostics alone
 */
public record JudgeResult(String judge, int votes, int unparseableVotes, Double unparseableRate, int truncatedVotes,
                          int scored, int wins, int losses, int ties, int inconsistent, Double winRate,
                          Interval winRateInterval, int samples, Double stability, int stablePairs, int stabilityPairs,
                          OrderBiasResult orderBias) {
    /** This judge with its order diagnostics replaced (once judged within a family of tests). */
    public JudgeResult withOrderBias(OrderBiasResult o) {
        return new JudgeResult(judge, votes, unparseableVotes, unparseableRate, truncatedVotes, scored, wins, losses, ties, inconsistent,
                winRate, winRateInterval, samples, stability, stablePairs, stabilityPairs, o);
    }
}
