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

    public ProviderException(Kind kind, int status, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, String message) { this(kind, 0, message, null); }

    public Kind kind() { return kind; }
    /** HTTP status, or 0 when there was none (timeout, reset, bad body). */
    public int status() { return status; }
    /** Server-requested wait before retrying, or null. */
    public Duration retryAfter() { return retryAfter; }
}
