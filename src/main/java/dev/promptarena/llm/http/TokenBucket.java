package dev.promptarena.llm.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A per-minute budget (requests or tokens) as a token bucket: capacity one minute's worth,
 * refilled continuously. {@link #reserve} takes what a call needs now and says how long the
 * caller must wait before sending — the debt model lets one large request through eventually
 * instead of starving it behind a bucket smaller than the request.
 */
public final class TokenBucket {
    private final double perMinute;
    private final Clock clock;
    private double available;
    private Instant last;

    public TokenBucket(double perMinute, Clock clock) {
        if (!(perMinute > 0)) throw new IllegalArgumentException("rate must be > 0 per minute, got: " + perMinute);
        this.perMinute = perMinute;
        this.clock = clock;
        this.available = perMinute;
        this.last = clock.instant();
    }

    /** Takes {@code amount} and returns how long to wait before using it (zero if available now). */
    public synchronized Duration reserve(double amount) {
        refill();
        available -= amount;
        if (available >= 0) return Duration.ZERO;
        return Duration.ofNanos((long) (-available / perMinute * 60e9));
    }

    /** Gives back tokens reserved but not used (e.g. estimate above actual usage). */
    public synchronized void refund(double amount) {
        refill();
        available = Math.min(perMinute, available + amount);
    }

    private void refill() {
        Instant now = clock.instant();
        double elapsedNanos = Duration.between(last, now).toNanos();
        if (elapsedNanos > 0) {
            available = Math.min(perMinute, available + elapsedNanos / 60e9 * perMinute);
            last = now;
        }
    }
}
