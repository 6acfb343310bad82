package dev.promptarena.engine;

/**
 * A call the run chose not to make: the budget would have been exceeded, or the run is stopping (Ctrl-C).
 * Not a provider failure: the runner counts the case as not run and marks the run partial; a resumed
 * run makes the call.
 */
public abstract class CallNotMadeException extends RuntimeException {
    protected CallNotMadeException(String message) { super(message); }

    /** True when {@code e} is, or was caused by, a call not made (futures wrap it in CompletionException). */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CallNotMadeException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
