package dev.promptarena.llm.http;

import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.TokenCounter;
import dev.promptarena.util.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * The one retry layer. Wraps a client that only classifies failures and decides, per
 * {@link ProviderException.Kind}: RATE_LIMITED and TRANSIENT are retried with the policy's
 * backoff (or the server's Retry-After), FATAL never — a 400 or 401 will not change by asking
 * again, and repeating it only burns quota. Each attempt holds a slot of the endpoint's
 * {@link AdaptiveLimiter} and, when configured, draws on request and token buckets.
 * Nothing here blocks a thread: waits go through the {@link Delayer}.
 */
public final class RetryingClient implements LlmClient {
    private final LlmClient inner;
    private final RetryPolicy policy;
    private final AdaptiveLimiter limiter;
    private final TokenBucket requestBucket;
    private final TokenBucket tokenBucket;
    private final Delayer delayer;
    private final DoubleSupplier random;
    private final RetryListener listener;

    /**
     * @param requestBucket requests-per-minute bucket, or null for none
     * @param tokenBucket   tokens-per-minute bucket, or null for none
     * @param random        uniform [0,1) source for jitter (seeded in tests)
     */
    public RetryingClient(LlmClient inner, RetryPolicy policy, AdaptiveLimiter limiter, TokenBucket requestBucket,
                          TokenBucket tokenBucket, Delayer delayer, DoubleSupplier random, RetryListener listener) {
        this.inner = inner;
        this.policy = policy;
        this.limiter = limiter;
        this.requestBucket = requestBucket;
        this.tokenBucket = tokenBucket;
        this.delayer = delayer;
        this.random = random;
        this.listener = listener == null ? RetryListener.NONE : listener;
    }

    @Override
    public CompletableFuture<LlmResponse> send(LlmRequest request) { return send(request, BilledAttempts.NONE); }

    /**
     * Sends {@code request}, telling {@code billing} of each failed attempt the provider billed and retrying after one
     * only when it agrees (a budget that cannot cover another attempt ends the call instead).
     */
    public CompletableFuture<LlmResponse> send(LlmRequest request, BilledAttempts billing) {
        CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        attempt(new Call(request, billing), 1, result);
        return result;
    }

    /** What every attempt of one call needs. */
    private record Call(LlmRequest request, BilledAttempts billing) {}

    @Override
    public String identity() { return inner.identity(); }

    @Override
    public void close() { inner.close(); }

    public AdaptiveLimiter limiter() { return limiter; }

    private void attempt(Call call, int n, CompletableFuture<LlmResponse> result) {
        limiter.acquire().whenComplete((slot, refused) -> {
            // No slot (the run is stopping): not an attempt, nothing to release, not retried.
            if (refused != null) result.completeExceptionally(refused);
            else send(call, n, result);
        });
    }

    private void send(Call call, int n, CompletableFuture<LlmResponse> result) {
        LlmRequest request = call.request();
        long tokens = estimateTokens(request);
        Duration wait = rateWait(tokens);
        // Until it is sent a call is queued: a stop during its rate-limit wait ends the wait and the call is not sent,
        // rather than sent after Ctrl-C when its turn comes (holding the exit until then).
        CompletableFuture<?> ready = wait.isZero() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.anyOf(delayer.after(wait), limiter.refusing());
        ready.thenCompose(r -> {
                    RuntimeException stop = limiter.refusal();
                    if (stop != null) return CompletableFuture.<LlmResponse>failedFuture(stop);
                    listener.attemptStarted();
                    return inner.send(request);
                })
                .whenComplete((response, error) -> {
                    RuntimeException stop = error == null ? null : limiter.refusal();
                    if (stop != null && Futures.cause(error) == stop) { // not sent: no attempt, no retry
                        limiter.release(false);
                        result.completeExceptionally(stop);
                        return;
                    }
                    ProviderException failure = error == null ? null : classify(error);
                    limiter.release(failure != null && failure.kind() == ProviderException.Kind.RATE_LIMITED);
                    if (failure == null) {
                        refundTokens(tokens, response);
                        result.complete(response.withAttempts(n));
                    } else {
                        onFailure(call, n, failure, result);
                    }
                });
    }

    private void onFailure(Call call, int n, ProviderException failure, CompletableFuture<LlmResponse> result) {
        boolean retryable = failure.kind() != ProviderException.Kind.FATAL;
        Duration asked = failure.retryAfter();
        boolean waitTooLong = asked != null && asked.compareTo(policy.maxRetryAfter()) > 0;
        String why = !retryable ? "not retried" : waitTooLong ? "server asked to wait " + asked.toSeconds() + " s, over the limit"
                : n >= policy.maxAttempts() ? "gave up" : null;
        if (failure.billed() == null) {
            if (why != null) giveUp(failure, n, why, result);
            else retry(call, n, failure, result);
            return;
        }
        // Billed: the payer hears of it before anything else happens, and may refuse the retry it cannot cover.
        call.billing().billed(failure.billed(), why == null).whenComplete((go, error) -> {
            if (why != null) giveUp(failure, n, why, result);
            else if (error != null || !Boolean.TRUE.equals(go)) giveUp(failure, n, "not retried: max_cost_usd cannot cover another attempt", result);
            else retry(call, n, failure, result);
        });
    }

    private static void giveUp(ProviderException failure, int n, String why, CompletableFuture<LlmResponse> result) {
        result.completeExceptionally(new ProviderException(failure.kind(), failure.status(),
                failure.getMessage() + " (" + why + " after " + n + " attempt" + (n == 1 ? "" : "s") + ")", failure.retryAfter()));
    }

    private void retry(Call call, int n, ProviderException failure, CompletableFuture<LlmResponse> result) {
        Duration asked = failure.retryAfter();
        Duration delay = policy.delay(n, asked, random);
        listener.retrying(failure, n, delay);
        // A stop (Ctrl-C, budget, journal failure) ends the wait at once: the next attempt would be refused after it,
        // and a Retry-After of minutes held the exit that long.
        CompletableFuture.anyOf(delayer.after(delay), limiter.refusing()).whenComplete((v, e) -> attempt(call, n + 1, result));
    }

    private Duration rateWait(long tokens) {
        Duration wait = Duration.ZERO;
        if (requestBucket != null) wait = requestBucket.reserve(1);
        if (tokenBucket != null) {
            Duration t = tokenBucket.reserve(tokens);
            if (t.compareTo(wait) > 0) wait = t;
        }
        return wait;
    }

    private void refundTokens(long reserved, LlmResponse response) {
        if (tokenBucket == null) return;
        long used = response.usage().inputTokens() + response.usage().outputTokens();
        if (used > 0 && used < reserved) tokenBucket.refund(reserved - used);
    }

    /** Rough token need for the token bucket: chars/4 of the prompt plus the output cap. */
    static long estimateTokens(LlmRequest request) {
        return TokenCounter.quickInput(request) + TokenCounter.outputCap(request);
    }

    private static ProviderException classify(Throwable error) {
        Throwable t = Futures.cause(error);
        if (t instanceof ProviderException pe) return pe;
        // A client that threw something unclassified has a bug; retrying would hide it.
        return new ProviderException(ProviderException.Kind.FATAL, 0, "client error: " + t, null);
    }
}
