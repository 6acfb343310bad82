package dev.promptarena.llm.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits without holding a thread. Production code schedules on a
 * {@link ScheduledExecutorService}; tests substitute one that records the requested delays and
 * completes at once, so retry tests take milliseconds.
 */
@FunctionalInterface
public interface Delayer {
    /** A future that completes (on some other thread, or immediately) after {@code delay}. */
    CompletableFuture<Void> after(Duration delay);

    /** Delays on {@code scheduler}; a zero delay completes immediately. */
    static Delayer scheduled(ScheduledExecutorService scheduler) {
        return delay -> {
            if (delay.isZero() || delay.isNegative()) return CompletableFuture.completedFuture(null);
            CompletableFuture<Void> f = new CompletableFuture<>();
            scheduler.schedule(() -> f.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
            return f;
        };
    }
}
