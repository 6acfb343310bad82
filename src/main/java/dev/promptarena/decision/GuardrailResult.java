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
 */
public record GuardrailResult(String metric, Evidence role, Double observed, double limit, boolean breached, String detail) {}
