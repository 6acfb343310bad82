package dev.promptarena.stats;

/**
 * The run's operational numbers that guardrails limit (primary: guardrails are pre-registered).
 * Latency, length and truncation are compared on the outcomes where both A and B generated (no
 * {@link Side#error()}): a failed call has no meaningful latency or output, and using the same
 * outcomes for both sides keeps the comparison paired.
 *
 * @param role                always {@link Evidence#PRIMARY}: these feed the pre-registered guardrails
 * @param outcomes            all outcomes
 * @param errorOutcomes       outcomes where A or B failed to generate
 * @param errorRate           errorOutcomes / outcomes
 * @param votes               votes on outcomes without generation errors
 * @param unparseableVotes    of those, votes that could not be parsed
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
 */
public record OperationalMetrics(Evidence role, int outcomes, int errorOutcomes, Double errorRate, int votes, int unparseableVotes,
                                 Double unparseableRate, int unparseableOutcomes, Double latencyP95A, Double latencyP95B,
                                 Double latencyP95Increase, Double costPerCaseA, Double costPerCaseB,
                                 Double costPerCaseIncrease, double judgeCostUsd, Double meanWordsA, Double meanWordsB,
                                 Double lengthGrowth, Double truncationRateA, Double truncationRateB,
                                 Double largestAxisDrop, String largestAxisDropName) {}
