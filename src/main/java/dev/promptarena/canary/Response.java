package dev.promptarena.canary;

/** The action a guardrail registers for a sustained breach, with the documents' wording as default label. */
public enum Response {
    REVIEW("review", Action.HOLD), PAUSE("pause exposure", Action.PAUSE), ROLLBACK("rollback treatment", Action.ROLLBACK);

    private final String label;
    private final Action action;

    Response(String label, Action action) {
        this.label = label;
        this.action = action;
    }

    public String defaultLabel() { return label; }

    /** What the rollout does: a review keeps exposure where it is (HOLD) until someone has looked. */
    public Action action() { return action; }
}
