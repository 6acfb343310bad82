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
 * A first call that fails after its retries (a journaled final failure) fails every identical call of this run too, each
 * journaled and counted as its own failure under the first's reason, without sending again: the failure is remembered by
 * its slot until the run ends, so a waiter, and a call asked after the first failed, get it. Before, each waiter went on as
 * if it had come after the failure and was sent itself, so against a provider that failed transiently the case that asked
 * first was FAILED and a later one might succeed: which one depended on timing. Sharing the failure was chosen over a
 * fixed order of sending (say, the lowest case first): the engine sees requests, not cases, asked from many threads, and a
 * shared outcome needs no order at all; it also never pays again for a request the provider just refused after every
 * retry. The failure is sent and billed once (the sent call's journal line holds the attempts billed; the others' lines
 * none), and each case hears it with those billed tokens, as a cache hit carries its answer's cost, so the case files do
 * not say which case was sent (IdenticalCallFailureTest, IdenticalCasesFailedJudgeTest). A resume asks such a call again,
 * as before (failed lines are not served from the journal). A first that fails for another reason (the run stopping
 * before a retry, the budget refusing to send it, the journal failing) is not the request's failure: each waiter then goes
 * on as if it had come after it (through the cache, this class and the budget again), so one of them is sent next, alone,
 * and the others wait for that one.
 */
final class IdenticalCalls {
    private final ConcurrentHashMap<String, CompletableFuture<LlmResponse>> firsts = new ConcurrentHashMap<>();
    /** Per slot, the final failure of this run's call of it: every later identical call of the run gets it. */
    private final ConcurrentHashMap<String, CallFailure> failed = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<LlmResponse>> waiters = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * Remembers that the call of {@code slot} failed after its retries; its sender says so before the call's future
     * completes, so by the time the slot is free, or any waiter hears of the failure, it is known here.
     */
    void failedAfterRetries(String slot, CallFailure failure) { failed.putIfAbsent(slot, failure); }

    /**
     * Sends through {@code first} when no identical call holds {@code slot} and none of this run failed; else waits for
     * the one that holds it: its answer is served through {@code served}; its failure after retries (or an earlier one's)
     * through {@code failedToo}; any other failure sends this call through {@code again} (the normal path, once more).
     */
    CompletableFuture<LlmResponse> sendOrWait(String slot, Supplier<CompletableFuture<LlmResponse>> first,
                                              Function<LlmResponse, CompletableFuture<LlmResponse>> served,
                                              Function<CallFailure, CompletableFuture<LlmResponse>> failedToo,
                                              Supplier<CompletableFuture<LlmResponse>> again) {
        CallFailure known = failed.get(slot);
        if (known != null) return failedToo.apply(known);
        CompletableFuture<LlmResponse> mine = new CompletableFuture<>();
        CompletableFuture<LlmResponse> earlier = firsts.putIfAbsent(slot, mine);
        if (earlier != null) return waitFor(slot, earlier, served, failedToo, again);
        CompletableFuture<LlmResponse> sent;
        try {
            // The first may have failed and let go of the slot between the look above and taking it.
            CallFailure meanwhile = failed.get(slot);
            sent = meanwhile != null ? failedToo.apply(meanwhile) : first.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, error) -> {
            // Released before the waiters hear of the outcome: after a failure that is not the request's, one of them must
            // find the slot free to be sent next; after an answer a later identical call finds it in the cache.
            firsts.remove(slot, mine);
            if (error != null) mine.completeExceptionally(error);
            else mine.complete(response);
        });
        return mine;
    }

    private CompletableFuture<LlmResponse> waitFor(String slot, CompletableFuture<LlmResponse> earlier,
                                                   Function<LlmResponse, CompletableFuture<LlmResponse>> served,
                                                   Function<CallFailure, CompletableFuture<LlmResponse>> failedToo,
                                                   Supplier<CompletableFuture<LlmResponse>> again) {
        CompletableFuture<LlmResponse> me = new CompletableFuture<>();
        waiters.add(me);
        if (stopping) releaseStopped(me); // a stop that went through the waiters before this one joined them
        earlier.whenComplete((response, error) -> {
            if (!waiters.remove(me)) return; // released by a stop
            CompletableFuture<LlmResponse> next;
            try {
                CallFailure known = error == null ? null : failed.get(slot);
                next = error == null ? served.apply(response) : known != null ? failedToo.apply(known) : again.get();
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
