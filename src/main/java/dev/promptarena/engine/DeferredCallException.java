package dev.promptarena.engine;

/**
 * Batch mode's collecting pass: this call has no answer yet and was queued for the next batch. The
 * collecting pass's results are thrown away, so a case that sees this is never recorded.
 */
public final class DeferredCallException extends RuntimeException {
    public DeferredCallException() { super("queued for a provider batch", null, false, false); }
}
