package dev.promptarena.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {
    /** A clock tests move by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    @Test
    void queuesBeyondTheLimitAndHandsSlotsOver() {
        AdaptiveLimiter l = new AdaptiveLimiter(2, Duration.ofSeconds(1), Clock.systemUTC());
        assertTrue(l.acquire().isDone());
        assertTrue(l.acquire().isDone());
        CompletableFuture<Void> third = l.acquire();
        assertFalse(third.isDone());
        l.release(false);
        assertTrue(third.isDone());
        assertEquals(2, l.inFlight());
    }

    @Test
    void afterRefuseNewCallsTheQueuedAndLaterCallsFailAndTheRunningOnesKeepTheirSlots() {
        AdaptiveLimiter l = new AdaptiveLimiter(1, Duration.ofSeconds(1), Clock.systemUTC());
        assertTrue(l.acquire().isDone());
        CompletableFuture<Void> queued = l.acquire();
        IllegalStateException stop = new IllegalStateException("stopping");

        l.refuseNewCalls(stop);

        assertTrue(queued.isCompletedExceptionally());
        assertTrue(l.acquire().isCompletedExceptionally());
        assertEquals(1, l.inFlight(), "the call holding a slot is not affected");
        l.release(false);
        assertEquals(0, l.inFlight(), "a released slot goes to nobody");
        CompletableFuture<Void> later = l.acquire();
        assertEquals(stop, assertThrows(java.util.concurrent.CompletionException.class, later::join).getCause());
    }

    @Test
    void halvesOncePerCooldownAndRecoversAdditively() {
        ManualClock clock = new ManualClock();
        AdaptiveLimiter l = new AdaptiveLimiter(16, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 16; i++) l.acquire();
        for (int i = 0; i < 12; i++) l.release(true); // one overload, twelve 429s
        assertEquals(8, l.currentLimit(), "a burst of 429s halves once");
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 8; i++) {
            l.acquire();
            l.release(true);
        }
        assertEquals(4, l.currentLimit(), "sustained 429s keep halving");
        for (int i = 0; i < 40; i++) {
            l.acquire();
            l.release(false);
        }
        assertTrue(l.currentLimit() >= 8 && l.currentLimit() <= 16, "recovers about one per window of successes: " + l.currentLimit());
    }

    @Test
    void strayRateLimitsDoNotShrinkTheLimit() {
        ManualClock clock = new ManualClock();
        AdaptiveLimiter l = new AdaptiveLimiter(64, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 1000; i++) {
            l.acquire();
            clock.advance(Duration.ofMillis(10));
            l.release(i % 20 == 7); // 5% 429s, spread out: not overload
        }
        assertEquals(64, l.currentLimit());
    }

    @Test
    void tokenBucketMakesCallersWaitForRefill() {
        ManualClock clock = new ManualClock();
        TokenBucket b = new TokenBucket(60, clock); // one per second
        for (int i = 0; i < 60; i++) assertEquals(Duration.ZERO, b.reserve(1));
        assertEquals(Duration.ofSeconds(1), b.reserve(1));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, b.reserve(1));
    }
}
