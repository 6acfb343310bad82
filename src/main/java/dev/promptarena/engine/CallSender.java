package dev.promptarena.engine;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.TokenCounter;
import dev.promptarena.llm.http.RetryingClient;
import dev.promptarena.util.Futures;
import dev.promptarena.util.IoReason;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The sending end of {@link CallEngine}'s chain, for a call no journal, cache or identical call could serve:
 * budget (the worst case reserved, waiting for room) → the one retry layer → the wire, then the outcome journaled
 * and counted. Also journals what the engine serves from the cache, so every outcome is recorded one way.
 */
final class CallSender {
    /** One call as the engine asked it. */
    record Asked(RetryingClient client, String provider, String key, Role role, LlmRequest request, String normalized) {}

    private final Journal journal;
    private final ResponseCache cache;
    private final Budget budget;
    private final PriceTable prices;
    private final CallCosts costs;
    private final Counters counters;
    private final BooleanSupplier stopping;
    /** Stops the run (the journal failed). */
    private final Runnable stop;

    CallSender(Journal journal, ResponseCache cache, Budget budget, PriceTable prices, CallCosts costs, Counters counters,
               BooleanSupplier stopping, Runnable stop) {
        this.journal = journal;
        this.cache = cache;
        this.budget = budget;
        this.prices = prices;
        this.costs = costs;
        this.counters = counters;
        this.stopping = stopping;
        this.stop = stop;
    }

    /** Reserves the call's worst case (waiting for room), then sends it; its answer goes to the cache when {@code cacheable}. */
    CompletableFuture<LlmResponse> send(Asked c, boolean cacheable) { return send(c, cacheable, failure -> { }); }

    /**
     * As {@link #send(Asked, boolean)}; {@code failedAfterRetries} hears the call's final failure (not a stop's) before
     * the failure is journaled and the call's future completes ({@link IdenticalCalls} shares it with identical calls).
     */
    CompletableFuture<LlmResponse> send(Asked c, boolean cacheable, Consumer<CallFailure> failedAfterRetries) {
        if (stopping.getAsBoolean()) return CompletableFuture.failedFuture(new RunStoppedException());
        double estimate = prices.cost(c.request().model(), TokenCounter.worstInput(c.request()), TokenCounter.outputCap(c.request()));
        return budget.reserve(estimate).thenCompose(reserved -> {
            if (!reserved) {
                counters.budgetSkipped.increment();
                return CompletableFuture.failedFuture(budget.refusal("issued"));
            }
            if (stopping.getAsBoolean()) { // stopped while the call waited for room in the budget
                budget.settle(estimate, 0);
                return CompletableFuture.failedFuture(new RunStoppedException());
            }
            return issue(c, estimate, cacheable, failedAfterRetries);
        });
    }

    /** Sends a call whose worst case is reserved, settles the budget and journals the outcome. */
    private CompletableFuture<LlmResponse> issue(Asked c, double estimate, boolean cacheable, Consumer<CallFailure> failedAfterRetries) {
        counters.issued.increment();
        counters.inFlight.increment();
        CallSpend spend = new CallSpend(budget, costs, c.request(), estimate);
        return c.client().send(c.request(), spend).handle((response, error) -> {
            counters.inFlight.decrement();
            if (error != null) {
                double billed = spend.finish(0);
                if (CallNotMadeException.causedBy(error)) {
                    if (billed == 0) {
                        // Refused because the run is stopping: not a result, so not journaled and not a failure.
                        counters.issued.decrement();
                        return CompletableFuture.<LlmResponse>failedFuture(new RunStoppedException());
                    }
                    // Stopped before a retry, but earlier attempts were billed: a failed call whose spend is journaled.
                    return record(c, null, new CallFailure("STOPPED", 0, "the run stopped before a retry; earlier attempts were billed",
                            spend.billedUsage()), billed);
                }
                CallFailure failure = CallFailure.ofError(error).withBilled(spend.billedUsage());
                failedAfterRetries.accept(failure);
                return record(c, null, failure, billed);
            }
            double cost = spend.finish(costs.of(c.request(), response));
            // The attempts billed before it go with the answer (journal, cache, the case's cost): they were paid to get it.
            LlmResponse answer = response.withBilledBefore(spend.billedUsage());
            // Journaled (queued in order) before the cache can serve it: an identical call served from the cache journals a
            // free line, and were that line first and the run killed before this one, a resume would serve this slot from
            // the cache for free and lose what the provider billed (PaidLineFirstTest).
            CompletableFuture<LlmResponse> recorded = record(c, answer, null, cost);
            // Found by the cache's get at once (identical calls rely on it), written in the background.
            if (cacheable) cache.put(c.key(), answer);
            return recorded;
        }).thenCompose(f -> f);
    }

    /**
     * Journals and counts, as this call's own failure under its reason, the final failure of an identical call this run
     * sent ({@link IdenticalCalls}). Its line and the counters carry nothing billed and no cost (the sent call's have
     * them, counted once); its caller hears what that call was billed, as a cache hit's caller hears what its answer cost,
     * so the case is priced as if it had paid and does not depend on which of the two was sent.
     */
    CompletableFuture<LlmResponse> recordSharedFailure(Asked c, CallFailure failure) {
        return record(c, null, failure.withBilled(Usage.NONE), 0.0).exceptionallyCompose(error -> {
            Throwable cause = Futures.cause(error);
            return CompletableFuture.failedFuture(cause instanceof ProviderException ? failure.toException() : cause);
        });
    }

    /**
     * Journals the outcome, then completes with the response or the failure (after the journal is forced).
     *
     * @param cost what the call cost in all: its answer and every attempt billed without one (journaled, so a resumed
     *             run counts it once, at open). The tokens of those attempts are the answer's {@code billedBefore} (none
     *             for a cache hit, which this run did not pay for) or the failure's {@code billed}
     */
    CompletableFuture<LlmResponse> record(Asked c, LlmResponse response, CallFailure failure, double cost) {
        JournalEntry entry = new JournalEntry(c.key(), c.role().name(), c.provider(), c.normalized(), response, failure,
                cost, System.currentTimeMillis());
        return journal.append(entry).handle((ok, ioError) -> {
            if (ioError != null) {
                // Spending on without a record would pay for answers a resume must buy again: no new calls.
                stop.run();
                throw new CompletionException(new JournalFailedException(IoReason.of(journal.failure() != null ? journal.failure() : ioError)));
            }
            if (failure != null) {
                counters.failure(c.role(), failure.reason());
                counters.billed(c.role(), failure.billed(), cost);
                throw new CompletionException(failure.toException());
            }
            counters.success(c.role(), response, cost);
            if (!response.cached()) counters.billed(c.role(), response.billedBefore(), 0.0);
            return response;
        });
    }
}
