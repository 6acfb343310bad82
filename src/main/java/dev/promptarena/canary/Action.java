package dev.promptarena.canary;

/**
 * What a window check tells the rollout to do, in increasing severity; the most severe one wins.
 * The CLI maps each to an exit code (README "canary check").
 */
public enum Action {
    /** The stage's minimum duration is met and every limit held: move to the next stage. */
    ADVANCE,
    /** Keep the current exposure: the stage is not over yet, a limit alerted once, or a review was asked for. */
    HOLD,
    /** Stop increasing and freeze (or drop) exposure until a person looks: a sustained breach of a pause limit, or a sample-ratio mismatch. */
    PAUSE,
    /** Route everything back to control: a sustained breach of a rollback limit. */
    ROLLBACK;

    public Action max(Action other) { return other.ordinal() > ordinal() ? other : this; }
}
