package dev.promptarena.engine;

/**
 * A call that was not issued because the run's {@code max_cost_usd} would have been exceeded.
 * Not a provider failure: the runner should count the case as skipped and mark the run partial.
 */
public final class BudgetExhaustedException extends RuntimeException {
    public BudgetExhaustedException(String message) { super(message); }

    /** True when {@code e} is, or was caused by, a budget stop (futures wrap it in CompletionException). */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BudgetExhaustedException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
