package dev.promptarena.decision;

import dev.promptarena.stats.Evidence;

/**
 * One guardrail checked against the run.
 *
 * @param metric   the guardrail key ({@link GuardrailSpec#key()}: the metric, plus {@code .check} for a check guardrail)
 * @param role     always {@link Evidence#PRIMARY}: guardrails are pre-registered
 * @param observed the observed value; null when the run has no data for it (then it is not breached)
 * @param limit    the largest acceptable value
 * @param breached observed &gt; limit
 * @param detail   a plain sentence saying what was measured
 * @param mode     harm_proven or safety_proven for a guardrail decided on an interval; null for a point estimate
 * @param bound    the one-sided bound compared with the limit (lower for harm_proven, upper for safety_proven);
 *                 null for a point estimate
 * @param level    one-sided confidence of {@code bound} (e.g. 0.975); null for a point estimate
 */
public record GuardrailResult(String metric, Evidence role, Double observed, double limit, boolean breached, String detail,
                              GuardrailSpec.Mode mode, Double bound, Double level) {
    /** A guardrail decided on its point estimate. */
    public GuardrailResult(String metric, Evidence role, Double observed, double limit, boolean breached, String detail) {
        this(metric, role, observed, limit, breached, detail, null, null, null);
    }
}
