package dev.promptarena.stats;

/** The combined verdict for one (case, repeat) outcome, in variant terms. */
public enum Verdict {
    /** B won. */
    B,
    /** A won. */
    A,
    /** The judges called it a tie (or split evenly). */
    TIE,
    /** The same judge picked different winners when the presentation order was swapped. */
    INCONSISTENT,
    /** No vote could be parsed: counted and reported, never scored. */
    UNPARSEABLE,
    /** A or B failed to generate, or every judge call that could have judged it failed: counted, excluded from the win rate. */
    ERROR;

    /** B's score for the tie-half win rate: 1, ½ (tie and inconsistent) or 0; NaN when not scored. */
    public double score() {
        return switch (this) {
            case B -> 1.0;
            case A -> 0.0;
            case TIE, INCONSISTENT -> 0.5;
            case UNPARSEABLE, ERROR -> Double.NaN;
        };
    }

    /** True for the verdicts that enter the win rate. */
    public boolean scored() { return this != UNPARSEABLE && this != ERROR; }
}
