package dev.promptarena.stats.sequential;

/** What a pre-registered sequential design says at a look. */
public enum LookAction {
    /** No boundary crossed: keep judging. */
    CONTINUE,
    /** The statistic reached the upper boundary: B is better (PASS). */
    STOP_EFFICACY,
    /** The statistic reached the lower boundary of a two-sided design: B is worse (FAIL). */
    STOP_HARM,
    /** The statistic fell to the futility boundary: B is unlikely to be shown better (INCONCLUSIVE). */
    STOP_FUTILITY,
    /** The last look without a crossing: the design ends without a PASS. */
    END
}
