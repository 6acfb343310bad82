package dev.promptarena.engine;

import dev.promptarena.llm.LlmResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Identical calls (same cache key: two cases whose prompts render the same, or A and B sending the same request, as in
 * an A/A arena) of a synchronous run, so that one is sent and paid for, not one per case. The slot is the cache key,
 * not role and key: the cache serves any role an answer of the request, so a waiter of the other role would have been
 * served it anyway had it started after the first finished (and a re-run or resume is). Batch mode sends such calls as
 * one item too, the lowest role's, and serves the other from the cache (see {@link BatchLane#customId}).
 * The first to ask is the one sent: its slot is taken here, before the engine's {@code call} returns, not in a
 * continuation, so the runner, which asks a case's A call and then its B call on one thread, always has A's sent and
 * paid, as batch mode does; timing decides only whether B waits for it or finds its answer in the cache
 * (IdenticalRequestPayerTest). The first holds its slot from before it is sent until it completes (its answer is in the cache from then on:
 * {@link ResponseCache#get} serves writes still queued); an identical call meanwhile waits for it instead of sending.
 * Before, what was paid (and, at a temperature above 0, which answer the second case got) depended on whether the
 * first had finished when the second started. Now it does not: the second is served the first's answer as a cache hit, as it would be after the first.
 * A first call that fails serves no one: each waiter then goes on as if it had come after it (through the cache, this
 * class and the budget again), so one of them is sent next, alone, and the others wait for that one. The failure is
 * not shared because the next case would have been sent had it started later, and the result must not depend on when.
 */
final class IdenticalCalls {
    private final ConcurrentHashMap<String, CompletableFuture<LlmResponse>> firsts = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<LlmResponse>> waiters = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * Sends through {@code first} when no identical call holds {@code slot}; else waits for that call: its answer is
     * served through {@code served}, its failure sends this call through {@code again} (the normal path, once more).
     */
    CompletableFuture<LlmResponse> sendOrWait(String slot, Supplier<CompletableFuture<LlmResponse>> first,
                                              Function<LlmResponse, CompletableFuture<LlmResponse>> served,
                                              Supplier<CompletableFuture<LlmResponse>> again) {
        CompletableFuture<LlmResponse> mine = new CompletableFuture<>();
        CompletableFuture<LlmResponse> earlier = firsts.putIfAbsent(slot, mine);
        if (earlier != null) return waitFor(earlier, served, again);
        first.get().whenComplete((response, error) -> {
            // Released before the waiters hear of the outcome: after a failure one of them must find the slot free to be
            // sent next; after an answer a later identical call finds it in the cache.
            firsts.remove(slot, mine);
            if (error != null) mine.completeExceptionally(error);
            else mine.complete(response);
        });
        return mine;
    }

    private CompletableFuture<LlmResponse> waitFor(CompletableFuture<LlmResponse> earlier,
                                                   Function<LlmResponse, CompletableFuture<LlmResponse>> served,
                                                   Supplier<CompletableFuture<LlmResponse>> again) {
        CompletableFuture<LlmResponse> me = new CompletableFuture<>();
        waiters.add(me);
        if (stopping) releaseStopped(me); // a stop that went through the waiters before this one joined them
        earlier.whenComplete((response, error) -> {
            if (!waiters.remove(me)) return; // released by a stop
            CompletableFuture<LlmResponse> next;
            try {
                next = error == null ? served.apply(response) : again.get();
            } catch (RuntimeException e) {
                next = CompletableFuture.failedFuture(e);
            }
            next.whenComplete((r, e) -> {
                if (e != null) me.completeExceptionally(e);
                else me.complete(r);
            });
        });
        return me;
    }

    /** A stop (Ctrl-C): every waiting call fails now with {@link RunStoppedException}, as a queued call does. */
    void stop() {
        stopping = true;
        for (CompletableFuture<LlmResponse> w : waiters) releaseStopped(w);
    }

    private void releaseStopped(CompletableFuture<LlmResponse> waiter) {
        if (waiters.remove(waiter)) waiter.completeExceptionally(new RunStoppedException());
    }
}
