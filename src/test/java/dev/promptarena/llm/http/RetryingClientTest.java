package dev.promptarena.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.ProviderException.Kind;
import dev.promptarena.testing.RecordingDelayer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingClientTest {
    private final RecordingDelayer delayer = new RecordingDelayer();
    private final AtomicInteger sent = new AtomicInteger();
    private final ArrayDeque<ProviderException> failures = new ArrayDeque<>();

    private final LlmClient scripted = new LlmClient() {
        @Override
        public CompletableFuture<LlmResponse> send(LlmRequest request) {
            sent.incrementAndGet();
            ProviderException next = failures.poll();
            return next != null ? CompletableFuture.failedFuture(next)
                    : CompletableFuture.completedFuture(new LlmResponse("ok", "m", null, null, "stop", 5, 1, false));
        }

        @Override
        public String identity() { return "scripted"; }
    };

    private RetryingClient retrying(int maxAttempts) {
        RetryPolicy policy = new RetryPolicy(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1));
        return new RetryingClient(scripted, policy, new AdaptiveLimiter(4, Duration.ofSeconds(1), Clock.systemUTC()),
                null, null, delayer, () -> 0.5, RetryListener.NONE);
    }

    private static LlmRequest req() { return new LlmRequest("m", null, List.of(ChatMessage.user("x")), null, null, 0); }

    @Test
    void retriesTransientAndRateLimitedAndRecordsAttempts() throws Exception {
        failures.add(new ProviderException(Kind.TRANSIENT, 500, "HTTP 500", null));
        failures.add(new ProviderException(Kind.RATE_LIMITED, 429, "HTTP 429", null));
        LlmResponse r = retrying(5).send(req()).get();
        assertEquals(3, r.attempts());
        assertEquals(3, sent.get());
        // full jitter with random 0.5: attempt 1 -> 0.5 * 100 ms, attempt 2 -> 0.5 * 200 ms
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), delayer.waits());
    }

    @Test
    void sustainedRateLimitsHalveTheConcurrencyAndSuccessesBringItBack() throws Exception {
        // A still clock: one halving per cooldown, so exactly one here.
        AdaptiveLimiter limiter = new AdaptiveLimiter(16, Duration.ofSeconds(1), Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));
        RetryingClient client = new RetryingClient(scripted, new RetryPolicy(20, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1)),
                limiter, null, null, delayer, () -> 0.5, RetryListener.NONE);
        for (int i = 0; i < 9; i++) failures.add(new ProviderException(Kind.RATE_LIMITED, 429, "HTTP 429", null));
        assertEquals(10, client.send(req()).get().attempts());
        assertEquals(8, limiter.currentLimit(), "eight 429s in a row (the least evidence the limiter acts on) halve 16");
        for (int i = 0; i < 100; i++) client.send(req()).get();
        assertEquals(16, limiter.currentLimit(), "additive recovery: +1/limit per success, back to the configured 16");

        for (int i = 0; i < 9; i++) failures.add(new ProviderException(Kind.TRANSIENT, 500, "HTTP 500", null));
        client.send(req()).get();
        assertEquals(16, limiter.currentLimit(), "server errors are retried but are not a sign of overload");
    }

    @Test
    void aStopEndsTheWaitBeforeARetryAndTheRetryIsNotSent() {
        // A Retry-After of a minute held Ctrl-C for that minute, though the attempt after the wait is refused anyway.
        AdaptiveLimiter limiter = new AdaptiveLimiter(4, Duration.ofSeconds(1), Clock.systemUTC());
        Delayer never = delay -> delay.isZero() ? CompletableFuture.completedFuture(null) : new CompletableFuture<>(); // a wait that outlasts the test
        RetryingClient client = new RetryingClient(scripted, new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(5)),
                limiter, null, null, never, () -> 0.5, RetryListener.NONE);
        failures.add(new ProviderException(Kind.RATE_LIMITED, 429, "HTTP 429", Duration.ofSeconds(60)));
        CompletableFuture<LlmResponse> call = client.send(req());
        assertTrue(!call.isDone(), "waiting for the retry");
        IllegalStateException stop = new IllegalStateException("stopping");
        limiter.refuseNewCalls(stop);
        assertTrue(call.isCompletedExceptionally(), "the wait ends with the stop");
        ExecutionException e = assertThrows(ExecutionException.class, call::get);
        assertEquals(stop, e.getCause());
        assertEquals(1, sent.get(), "no second attempt");
    }

    @Test
    void aStopDuringTheRateLimitWaitLeavesTheCallUnsent() throws Exception {
        // Ctrl-C: queued calls are not sent. A call waiting for its rate-limit turn was sent after the stop when its
        // turn came, and the run waited for it.
        AdaptiveLimiter limiter = new AdaptiveLimiter(4, Duration.ofSeconds(1), Clock.systemUTC());
        TokenBucket oneAMinute = new TokenBucket(1, Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));
        Delayer never = delay -> delay.isZero() ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        RetryingClient client = new RetryingClient(scripted, RetryPolicy.of(3), limiter, oneAMinute, null, never, () -> 0.5,
                RetryListener.NONE);
        client.send(req()).get();
        CompletableFuture<LlmResponse> queued = client.send(req());
        assertTrue(!queued.isDone(), "waits a minute for the bucket");
        IllegalStateException stop = new IllegalStateException("stopping");
        limiter.refuseNewCalls(stop);
        assertTrue(queued.isCompletedExceptionally(), "the wait ends with the stop");
        ExecutionException e = assertThrows(ExecutionException.class, queued::get);
        assertEquals(stop, e.getCause());
        assertEquals(1, sent.get(), "the queued call is not sent");
        assertEquals(0, limiter.inFlight(), "its slot is released");
    }

    @Test
    void fatalIsNeverRetried() {
        failures.add(new ProviderException(Kind.FATAL, 400, "HTTP 400: bad model", null));
        ExecutionException e = assertThrows(ExecutionException.class, () -> retrying(5).send(req()).get());
        ProviderException pe = assertInstanceOf(ProviderException.class, e.getCause());
        assertEquals(1, sent.get());
        assertTrue(pe.getMessage().contains("HTTP 400: bad model"), pe.getMessage());
        assertTrue(pe.getMessage().contains("not retried after 1 attempt"), pe.getMessage());
    }

    @Test
    void givesUpAfterMaxAttempts() {
        for (int i = 0; i < 10; i++) failures.add(new ProviderException(Kind.TRANSIENT, 0, "timeout after 100 ms", null));
        ExecutionException e = assertThrows(ExecutionException.class, () -> retrying(3).send(req()).get());
        assertEquals(3, sent.get());
        assertTrue(e.getCause().getMessage().contains("gave up after 3 attempts"), e.getCause().getMessage());
    }

    @Test
    void retryAfterIsAFloorOnTheWait() throws Exception {
        failures.add(new ProviderException(Kind.RATE_LIMITED, 429, "HTTP 429", Duration.ofSeconds(7)));
        retrying(3).send(req()).get();
        Duration w = delayer.waits().get(0);
        assertTrue(w.compareTo(Duration.ofSeconds(7)) >= 0 && w.compareTo(Duration.ofMillis(7700)) <= 0, w.toString());
    }

    @Test
    void aWaitLongerThanAcceptableFailsInsteadOfStalling() {
        failures.add(new ProviderException(Kind.RATE_LIMITED, 429, "HTTP 429", Duration.ofHours(2)));
        ExecutionException e = assertThrows(ExecutionException.class, () -> retrying(3).send(req()).get());
        assertEquals(1, sent.get());
        assertTrue(e.getCause().getMessage().contains("over the limit"), e.getCause().getMessage());
    }

    @Test
    void backoffIsCappedAndExponential() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertEquals(Duration.ofMillis(100), p.delay(1, null, () -> 1.0));
        assertEquals(Duration.ofMillis(400), p.delay(3, null, () -> 1.0));
        assertEquals(Duration.ofSeconds(1), p.delay(9, null, () -> 1.0));
        assertEquals(Duration.ZERO, p.delay(9, null, () -> 0.0));
    }
}
