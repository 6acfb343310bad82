package dev.promptarena.engine;

/** A call that was not issued because the run's {@code max_cost_usd} would have been exceeded. */
public final class BudgetExhaustedException extends CallNotMadeException {
    public BudgetExhaustedException(String message) { super(message); }
}
