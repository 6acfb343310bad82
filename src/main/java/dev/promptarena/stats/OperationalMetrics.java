package dev.promptarena.stats;

/**
 * The run's operational numbers that guardrails limit (primary: guardrails are pre-registered).
 * Latency, length and truncation are compared on the outcomes where both A and B generated (no
 * {@link Side#error()}): a failed call has no meaningful latency or output, and using the same
 * outcomes for both sides keeps the comparison paired.
 *
 * @param role                always {@link Evidence#PRIMARY}: these feed the pre-registered guardrails
 * @param outcomes            all outcomes
 * @param errorOutcomes       outcomes where A or B failed to generate, or where every judge call failed (judge errors)
 * @param errorRate           errorOutcomes / outcomes (the {@code error_rate_max} guardrail)
 * @param votes               judge replies on outcomes without errors (failed judge calls gave no reply)
 * @param unparseableVotes    of those, replies that could not be parsed
 * @param unparseableRate     unparseableVotes / votes (vote level: a judge that fails often is a problem
 *                            even when the other order or sample rescues the outcome); null without votes
 * @param unparseableOutcomes outcomes whose every vote was unparseable
 * @param latencyP95A         95th percentile (type 7) of A's latency, ms; null when no outcome has both sides
 * @param latencyP95B         same for B
 * @param latencyP95Increase  latencyP95B − latencyP95A, ms
 * @param costPerCaseA        A's mean generation cost per outcome (failed calls included: they may cost)
 * @param costPerCaseB        B's mean generation cost per outcome
 * @param costPerCaseIncrease costPerCaseB − costPerCaseA
 * @param judgeCostUsd        total judging cost
 * @param meanWordsA          A's mean output length in words
 * @param meanWordsB          B's mean output length in words
 * @param lengthGrowth        meanWordsB / meanWordsA − 1
 * @param truncationRateA     share of A's outputs cut at the token limit
 * @param truncationRateB     same for B
 * @param largestAxisDrop     max over axes of (mean A − mean B); positive means B dropped; null without axes
 * @param largestAxisDropName the axis with that drop
 * @param judgeErrorOutcomes  of errorOutcomes, those where both sides generated but every judge call failed
 * @param judgeFailedVotes    judge calls that failed after their retries (any outcome); never unparseable votes
 */
public record OperationalMetrics(Evidence role, int outcomes, int errorOutcomes, Double errorRate, int votes, int unparseableVotes,
                                 Double unparseableRate, int unparseableOutcomes, Double latencyP95A, Double latencyP95B,
                                 Double latencyP95Increase, Double costPerCaseA, Double costPerCaseB,
                                 Double costPerCaseIncrease, double judgeCostUsd, Double meanWordsA, Double meanWordsB,
                                 Double lengthGrowth, Double truncationRateA, Double truncationRateB,
                                 Double largestAxisDrop, String largestAxisDropName, int judgeErrorOutcomes, int judgeFailedVotes) {
    /** Metrics without judge errors (tests and callers that predate them). */
    public OperationalMetrics(Evidence role, int outcomes, int errorOutcomes, Double errorRate, int votes, int unparseableVotes,
                              Double unparseableRate, int unparseableOutcomes, Double latencyP95A, Double latencyP95B,
                              Double latencyP95Increase, Double costPerCaseA, Double costPerCaseB,
                              Double costPerCaseIncrease, double judgeCostUsd, Double meanWordsA, Double meanWordsB,
                              Double lengthGrowth, Double truncationRateA, Double truncationRateB,
                              Double largestAxisDrop, String largestAxisDropName) {
        this(role, outcomes, errorOutcomes, errorRate, votes, unparseableVotes, unparseableRate, unparseableOutcomes, latencyP95A,
                latencyP95B, latencyP95Increase, costPerCaseA, costPerCaseB, costPerCaseIncrease, judgeCostUsd, meanWordsA,
                meanWordsB, lengthGrowth, truncationRateA, truncationRateB, largestAxisDrop, largestAxisDropName, 0, 0);
    }
}
