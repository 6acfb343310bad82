package dev.promptarena.canary;

/**
 * One aggregate guardrail of a canary: a sustained breach ({@code consecutiveWindows} windows in a row) of
 * {@code limit} in {@code direction} triggers {@code response}; a single breached window only alerts.
 *
 * @param metric             the column in the window metrics, e.g. {@code latency_p95_ms}
 * @param direction          which side of the limit is bad
 * @param limit              the limit (stages may override it)
 * @param consecutiveWindows windows in a row that make a breach sustained, at least 1
 * @param response           what a sustained breach asks for
 * @param label              the action's wording in messages, e.g. "review spend"
 * @param source             where the limit came from (offline baseline, user), for the plan's reader
 */
public record Guardrail(String metric, Direction direction, double limit, int consecutiveWindows, Response response,
                        String label, String source) {
    public Guardrail {
        if (metric == null || metric.isBlank()) throw new IllegalArgumentException("metric is required");
        if (direction == null || response == null) throw new IllegalArgumentException("direction and response are required");
        if (!Double.isFinite(limit)) throw new IllegalArgumentException("limit must be finite, got: " + limit);
        if (consecutiveWindows < 1) throw new IllegalArgumentException("consecutive_windows must be >= 1, got: " + consecutiveWindows);
        if (label == null || label.isBlank()) label = response.defaultLabel();
        if (source == null) source = "";
    }

    public Guardrail withLimit(double newLimit) {
        return new Guardrail(metric, direction, newLimit, consecutiveWindows, response, label, source);
    }
}
