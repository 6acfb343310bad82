package dev.promptarena.engine;

/**
 * A call that was not issued because the run's {@code max_cost_usd} would have been exceeded.
 * Not a provider failure: the runner should count the case as skipped and mark the run partial.
 */
public final class BudgetExhaustedException extends RuntimeException {
    public BudgetExhaustedException(String message) { super(message); }
}
