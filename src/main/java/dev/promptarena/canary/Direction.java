package dev.promptarena.canary;

/** Which side of a guardrail limit is bad. */
public enum Direction {
    /** The metric must stay at or below the limit (latency, error rate, cost). */
    MAX,
    /** The metric must stay at or above the limit (pass rates, judge scores, task completion). */
    MIN;

    /** Whether {@code value} breaches {@code limit}; equality holds (the documents' monitor uses strict comparisons). */
    public boolean breached(double value, double limit) {
        return this == MAX ? value > limit : value < limit;
    }
}
