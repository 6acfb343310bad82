package dev.promptarena.llm.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Concurrency limit for one endpoint that adapts to the server (AIMD, as in TCP congestion
 * control). Multiplicative decrease on <em>sustained</em> rate limiting: the limit halves when at
 * least a quarter of the last {@value #WINDOW} answers (and at least {@value #MIN_SAMPLES}) were
 * 429s — a stray 429 is not overload, and halving on each one collapses throughput — and at most
 * once per {@code cooldown}, because the 429s of requests already in flight describe the same
 * overload. Additive increase: every success adds {@code 1/limit}, about one per round trip,
 * up to the configured maximum. Waiters are queued, never spinning or blocking a thread.
 */
public final class AdaptiveLimiter {
    private final int max;
    private final Duration cooldown;
    private final Clock clock;
    static final int WINDOW = 32;
    static final int MIN_SAMPLES = 8;

    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private volatile RuntimeException refusal; // written under the lock, read on every call without it
    /** Completes when new calls are refused: waits before a retry end then, as the retry would be refused anyway. */
    private final CompletableFuture<Void> refusing = new CompletableFuture<>();
    private final boolean[] recent = new boolean[WINDOW];
    private int samples;
    private int recentLimited;
    private int next;
    private double limit;
    private int inFlight;
    private long lastDecreaseNanos = Long.MIN_VALUE;

    public AdaptiveLimiter(int max, Duration cooldown, Clock clock) {
        if (max < 1) throw new IllegalArgumentException("max concurrency must be >= 1, got: " + max);
        this.max = max;
        this.cooldown = cooldown;
        this.clock = clock;
        this.limit = max;
    }

    /**
     * Completes when a slot is free; the caller must {@link #release} it exactly once. Fails, holding no
     * slot, once {@link #refuseNewCalls} was called.
     */
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> slot = new CompletableFuture<>();
        synchronized (this) {
            if (refusal != null) {
                slot.completeExceptionally(refusal);
            } else if (waiters.isEmpty() && inFlight < currentLimit()) {
                inFlight++;
                slot.complete(null);
            } else {
                waiters.add(slot);
            }
        }
        return slot;
    }

    /**
     * From now on no call starts: every waiting and every later {@link #acquire} fails with {@code reason}.
     * Calls holding a slot are not affected (a graceful stop lets them finish).
     */
    public void refuseNewCalls(RuntimeException reason) {
        ArrayDeque<CompletableFuture<Void>> refused;
        synchronized (this) {
            if (refusal != null) return;
            refusal = reason;
            refused = new ArrayDeque<>(waiters);
            waiters.clear();
        }
        refused.forEach(f -> f.completeExceptionally(reason));
        refusing.complete(null);
    }

    /** Why new calls are refused ({@link #refuseNewCalls}), or null while they are not. */
    public RuntimeException refusal() { return refusal; }

    /** A future that completes once {@link #refuseNewCalls} was called. */
    public CompletableFuture<Void> refusing() { return refusing; }

    /** Frees a slot; {@code rateLimited} tells whether the attempt was answered with a 429. */
    public void release(boolean rateLimited) {
        ArrayDeque<CompletableFuture<Void>> ready = new ArrayDeque<>();
        synchronized (this) {
            inFlight--;
            remember(rateLimited);
            if (rateLimited) {
                long now = nanos();
                boolean sustained = samples >= MIN_SAMPLES && recentLimited * 4 >= samples;
                if (sustained && (lastDecreaseNanos == Long.MIN_VALUE || now - lastDecreaseNanos >= cooldown.toNanos())) {
                    limit = Math.max(1, limit / 2);
                    lastDecreaseNanos = now;
                    forget(); // the next decision needs fresh evidence at the new limit
                }
            } else {
                limit = Math.min(max, limit + 1.0 / limit);
            }
            while (!waiters.isEmpty() && inFlight < currentLimit()) {
                inFlight++;
                ready.add(waiters.poll());
            }
        }
        // Complete outside the lock: continuations run on this thread and may call back in.
        ready.forEach(f -> f.complete(null));
    }

    private void remember(boolean limited) {
        if (samples == WINDOW && recent[next]) recentLimited--;
        recent[next] = limited;
        if (limited) recentLimited++;
        next = (next + 1) % WINDOW;
        samples = Math.min(WINDOW, samples + 1);
    }

    private void forget() {
        java.util.Arrays.fill(recent, false);
        samples = 0;
        recentLimited = 0;
        next = 0;
    }

    /** The current limit (whole calls). */
    public synchronized int currentLimit() { return (int) Math.floor(limit); }

    public synchronized int inFlight() { return inFlight; }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
