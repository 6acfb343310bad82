package dev.promptarena.report.html;

import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.report.Fmt;

/**
 * One guardrail row.
 *
 * @param metric   metric key
 * @param observed formatted observed value ("—" without data)
 * @param limit    formatted limit
 * @param breached observed above the limit
 * @param status   "BREACHED", "ok" or "no data"
 * @param detail   the plain sentence
 * @param role     "primary"
 * @param bound    the one-sided bound with its level and mode, "—" for a point-estimate guardrail
 */
public record GuardrailRow(String metric, String observed, String limit, boolean breached, String status, String detail,
                           String role, String bound) {
    static GuardrailRow of(GuardrailResult g) {
        String status = g.breached() ? "BREACHED" : g.observed() == null ? "no data" : "ok";
        return new GuardrailRow(g.metric(), Fmt.metric(g.metric(), g.observed()), Fmt.metric(g.metric(), g.limit()), g.breached(),
                status, g.detail(), Fmt.role(g.role()), Fmt.guardrailBound(g));
    }
}
