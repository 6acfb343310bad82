package dev.promptarena.llm.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait between attempts. Capped exponential backoff with full jitter
 * (AWS Architecture Blog, "Exponential Backoff and Jitter"): full jitter spreads the retries of
 * many concurrent callers that failed together, so they do not hit the server again in lockstep.
 *
 * @param maxAttempts   total attempts per call including the first (ArenaConfig.maxAttempts)
 * @param baseDelay     backoff before the second attempt, before jitter
 * @param maxDelay      cap of the exponential backoff
 * @param maxRetryAfter longest server-requested wait we accept; a longer one fails the call
 *                      rather than stalling the run silently
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got: " + maxAttempts);
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0)
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got: " + baseDelay + ", " + maxDelay);
    }

    /** Defaults: 0.5 s base, 30 s cap, accept Retry-After up to 5 minutes. */
    public static RetryPolicy of(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /**
     * The wait before attempt {@code attempt + 1} after {@code attempt} failed:
     * uniform in [0, min(cap, base * 2^(attempt-1))], or, when the server asked for a wait, that wait plus up to 10% jitter.
     */
    public Duration delay(int attempt, Duration serverAsked, DoubleSupplier random) {
        double ceiling = Math.min(maxDelay.toNanos(), baseDelay.toNanos() * Math.pow(2, Math.max(0, attempt - 1)));
        Duration jittered = Duration.ofNanos((long) (random.getAsDouble() * ceiling));
        if (serverAsked == null) return jittered;
        // Retry-After is a floor: coming back earlier only earns another 429. Up to 10% on top
        // keeps callers that were refused together from returning in the same millisecond.
        return serverAsked.plusNanos((long) (random.getAsDouble() * serverAsked.toNanos() * 0.1));
    }
}
