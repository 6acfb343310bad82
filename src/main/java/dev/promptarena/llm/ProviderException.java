package dev.promptarena.llm;

import java.time.Duration;

/**
 * A failed provider call, already classified by the provider (Inspect AI's split: providers
 * classify, one shared layer decides whether to retry).
 */
public final class ProviderException extends RuntimeException {
    /** How the retry layer should treat the failure. */
    public enum Kind { RATE_LIMITED, TRANSIENT, FATAL }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final BilledUsage billed;

    public ProviderException(Kind kind, int status, String message, Duration retryAfter) {
        this(kind, status, message, retryAfter, null);
    }

    /** @param billed what the provider billed for this failed attempt (a 200 whose body carried usage), or null when unknown */
    public ProviderException(Kind kind, int status, String message, Duration retryAfter, BilledUsage billed) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.billed = billed;
    }

    public ProviderException(Kind kind, String message) { this(kind, 0, message, null); }

    public Kind kind() { return kind; }
    /** HTTP status, or 0 when there was none (timeout, reset, bad body). */
    public int status() { return status; }
    /** Server-requested wait before retrying, or null. */
    public Duration retryAfter() { return retryAfter; }
    /**
     * The usage the provider billed for this failed attempt, or null when none is known: only a 2xx reply that could not
     * be decoded but said what it used has one (an error status or a timeout is taken as unbilled, as before). On the
     * failure a call finally completes with (from the engine), what all its attempts were billed.
     */
    public BilledUsage billed() { return billed; }

    /** The tokens the failure {@code error} (a call's final one) says were billed; none unless it is one of these that says so. */
    public static Usage billedBy(Throwable error) {
        return error instanceof ProviderException pe && pe.billed() != null ? pe.billed().usage() : Usage.NONE;
    }
}
