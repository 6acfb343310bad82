package dev.promptarena.decision;

/** What the gate decided. The CLI maps each to its exit code (0, 1, 3, 4). */
public enum Outcome {
    /** B meets the pre-registered claim and no guardrail is breached. */
    PASS,
    /** B is shown worse than the threshold, or a quality/operational guardrail is breached. */
    FAIL,
    /** Not enough evidence either way. */
    INCONCLUSIVE,
    /** Too many generation failures or unparseable verdicts: the evidence itself is unusable. */
    RUN_ERROR
}
