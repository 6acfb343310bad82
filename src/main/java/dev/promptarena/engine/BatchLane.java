package dev.promptarena.engine;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.TokenCounter;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.WireProtocols;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Batch mode's side of the engine (issue 21). A run in batch mode first runs its cases against
 * {@link #lookup}: journaled, landed and cached answers are served, and every other call is collected
 * and fails with {@link DeferredCallException}. {@link BatchRound} then submits the collected calls as
 * provider batches, polls them, and lands each answer exactly where a synchronous call's goes (journal,
 * cache, budget). Rounds repeat (generations, then the judge calls they make possible, then re-asks)
 * until a pass collects nothing; the run proper then finds every answer here ({@link #serve}) and counts
 * it as an issued call, so its reports equal a synchronous run's.
 */
final class BatchLane implements AutoCloseable {
    /**
     * A call collected for a batch. Its request is in the {@link BatchSpool} at {@code slot}, not here (null for an
     * answer landed at once, whose request is at hand); {@code listUsd} is its worst-case cost at the list price.
     */
    record Pending(String customId, String provider, Role role, String key, BatchSpool.Slot slot, double listUsd) {}

    /**
     * What a batch (or its synchronous retry) answered: the byte offset of its journal line (an answer), or the
     * failure. Only the offset is held, not the answer: 10,000 cases' answers in memory doubled the run's peak RSS,
     * and the journal has each one on disk already. {@code costUsd} is what the item cost in all, {@code billedUsage}
     * the tokens of its synchronous retry's attempts billed without an answer (part of that cost). {@code served} turns
     * true when the run proper first takes it.
     */
    record Landed(long offset, CallFailure failure, double costUsd, Usage billedUsage, boolean served) {
        boolean answered() { return failure == null; }

        Landed asServed() { return new Landed(offset, failure, costUsd, billedUsage, true); }
    }

    /** The answer {@code l} points at, read back from the journal. */
    private LlmResponse response(Landed l) { return journal.read(l.offset()).response(); }

    final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /**
     * Of the calls queued for the next round whose answer the cache will share, the one whose item carries each request
     * key: an identical call of another role is not given an item of its own (see {@link #queue}).
     */
    private final Map<String, Pending> itemOfKey = new ConcurrentHashMap<>();
    final Map<String, Landed> landed = new ConcurrentHashMap<>();
    /** Answers of a batch resumed from an earlier session whose call this session has not asked for yet. */
    final Map<String, BatchApi.Outcome> unclaimed = new ConcurrentHashMap<>();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final Map<String, BatchApi> apis;
    final Map<String, ProviderConfig> providers;
    final BatchOptions options;
    final BatchLog log;
    final Journal journal;
    final ResponseCache cache;
    final Endpoints endpoints;
    final Budget budget;
    final PriceTable prices;
    final Counters counters;
    final Clock clock;
    final BatchSpool spool;
    /** Where a chunk's upload is written before it is sent (deleted once the create has answered). */
    final java.nio.file.Path uploadFile;
    private final RequestKeys keys;
    /** The wait between two polls of {@link BatchRound}, which a stop cuts short. */
    final PollWait polls;
    final CallCosts costs;

    BatchLane(Map<String, BatchApi> apis, Map<String, ProviderConfig> providers, BatchOptions options, BatchLog log, Journal journal,
              ResponseCache cache, Endpoints endpoints, Budget budget, PriceTable prices, Counters counters, Clock clock, RequestKeys keys,
              CallCosts costs, java.nio.file.Path runDir) {
        this.apis = Map.copyOf(apis);
        this.spool = new BatchSpool(runDir.resolve(BatchSpool.FILE));
        this.uploadFile = runDir.resolve("batch-upload.jsonl");
        this.providers = Map.copyOf(providers);
        this.options = options;
        this.log = log;
        this.journal = journal;
        this.cache = cache;
        this.endpoints = endpoints;
        this.budget = budget;
        this.prices = prices;
        this.counters = counters;
        this.clock = clock;
        this.keys = keys;
        this.costs = costs;
        this.polls = new PollWait(options.sleeper(), options.pollInterval());
    }

    /** The lane over each provider's batch endpoint ({@code batchApis} gives null for a provider without one). */
    static BatchLane open(Map<String, ProviderConfig> providers, java.util.function.Function<ProviderConfig, BatchApi> batchApis,
                          EngineOptions options, java.nio.file.Path runDir, com.fasterxml.jackson.databind.ObjectMapper json, Journal journal,
                          ResponseCache cache, Endpoints endpoints, Budget budget, PriceTable prices, Counters counters, RequestKeys keys,
                          CallCosts costs) {
        Map<String, BatchApi> apis = new java.util.LinkedHashMap<>();
        for (ProviderConfig p : providers.values()) {
            if (!WireProtocols.isRemote(p.type())) continue;
            BatchApi api = batchApis.apply(p);
            if (api == null) throw new IllegalArgumentException("provider '" + p.name() + "' (type " + p.type() + ") has no batch API; run it without --batch");
            apis.put(p.name(), api);
        }
        return new BatchLane(apis, providers, options.batch(), new BatchLog(runDir.resolve(BatchLog.FILE), json), journal, cache, endpoints,
                budget, prices, counters, options.clock(), keys, costs, runDir);
    }

    /**
     * The batch item id of a call: its role (A and B may send the same request but are accounted apart) and
     * 62 hex digits of its cache key, within Anthropic's {@code ^[a-zA-Z0-9_-]{1,64}$}. The key hashes the
     * endpoint and the request, never a secret, and is stable, so a resumed run recognizes its items. The role stays in
     * the id (dropping it would make a resumed older run's live batches unrecognizable, and they would be paid again);
     * A and B sending one request still go out as one item ({@link #queue}).
     */
    static String customId(Role role, String key) { return role.name().charAt(0) + "_" + key.substring(0, 62); }

    /** The collecting pass's door: an answer that exists, or a deferred failure that records the call. */
    CompletableFuture<LlmResponse> lookup(String providerKey, LlmRequest request, Role role) {
        LlmClient client = endpoints.client(providerKey);
        if (client == null) return CompletableFuture.failedFuture(new IllegalArgumentException("no provider named '" + providerKey + "'"));
        // A provider without a batch endpoint (the in-process simulator) answers at once, for free: ask it directly. Not
        // through the retry layer: its attempt counter would count each pass's thrown-away answer (the sim never fails).
        if (!apis.containsKey(providerKey)) return endpoints.direct(providerKey).send(request);
        String normalized = keys.normalized(request);
        String key = keys.key(client.identity(), normalized);
        JournalEntry done = journal.completed(role.name(), key);
        if (done != null) return CompletableFuture.completedFuture(done.response());
        String id = customId(role, key);
        BatchApi.Outcome early = unclaimed.remove(id);
        if (early != null) {
            Pending p = new Pending(id, providerKey, role, key, null, 0.0);
            if (early.response() != null) land(p, request, early.response(), factor(providerKey), 0.0, false).join();
            else landFailure(p, request, CallFailure.of(early.failure()), 0.0, false).join();
        }
        Landed l = landed.get(id);
        if (l != null) return l.answered() ? CompletableFuture.completedFuture(response(l)) : CompletableFuture.failedFuture(l.failure().toException());
        if (refused.contains(id)) return CompletableFuture.failedFuture(budgetExhausted());
        if (cache != null && endpoints.cacheable(providerKey)) {
            LlmResponse hit = cache.get(key).orElse(null);
            if (hit != null) return CompletableFuture.completedFuture(hit.asCached());
            // A resume whose kill came before this role was served from the other role's landed item: not a new item
            // (the run proper serves it as a cache hit of its own, CallEngine).
            JournalEntry other = journal.completedByAnotherRole(role, key);
            if (other != null) return CompletableFuture.completedFuture(other.response().asCached());
        }
        queue(id, providerKey, role, key, request, cache != null && endpoints.cacheable(providerKey));
        return CompletableFuture.failedFuture(new DeferredCallException());
    }

    /**
     * Queues a call for the next round. When the cache will share its answer ({@code shared}), identical calls of
     * different roles (A and B sending one case the same request) go out as ONE item, as a synchronous run sends one
     * ({@link IdenticalCalls}): the other role's call finds the answer in the cache in the next pass and counts, in
     * the run proper, as a cache hit of its own role. The item is the lowest role's (A before B before JUDGE), whatever
     * order the cases came in, so batches stay byte-stable and a resume queues the item its killed session submitted.
     * An older version's live batch that holds an item of each role is still waited for, not resubmitted: the other
     * role's answer arrives unclaimed and lands as that call's own, paid answer when it is asked next ({@link #lookup}).
     * When the item fails, the other call is queued on its own next pass, as a synchronous waiter is sent after a failed first.
     */
    private void queue(String id, String providerKey, Role role, String key, LlmRequest request, boolean shared) {
        // The request goes to the spool, not memory: a judge call's holds both answers (issue 21).
        java.util.function.Supplier<Pending> item = () -> pending.computeIfAbsent(id, k -> new Pending(k, providerKey, role, key,
                spool.add(request), prices.cost(request.model(), TokenCounter.worstInput(request), TokenCounter.outputCap(request))));
        if (!shared) {
            item.get();
            return;
        }
        itemOfKey.compute(key, (k, held) -> {
            if (held != null && held.role().compareTo(role) <= 0) return held; // served from that item, through the cache
            if (held != null) pending.remove(held.customId()); // a lower role asked after it: that role's item goes out instead
            return item.get();
        });
    }

    /** The calls queued for the next round, taken: the queue is empty after. */
    java.util.List<Pending> takeQueued() {
        java.util.List<Pending> items = new java.util.ArrayList<>(pending.values());
        pending.clear();
        itemOfKey.clear();
        return items;
    }

    /**
     * The run proper: what a batch answered for this call; null when nothing landed. The first call served from an
     * item counts as the issued call and carries its cost. Identical requests of the same role (two cases rendering the
     * same prompt) were folded into that one item, which the provider billed once: they count as journal hits at no
     * cost, as a synchronous run counts an answer it already has, so the reported spend is the billed spend. A failed item
     * is served the same way: one failed call per case (as a synchronous run counts one per case), each
     * duplicate a journal hit, so every call has one source (issued, cache or journal) and one outcome.
     */
    CompletableFuture<LlmResponse> serve(Role role, String key) {
        String id = customId(role, key);
        Landed l = landed.get(id);
        if (l != null) {
            // Atomic: of two cases served at once from one item, exactly one claims it (records compare by value).
            boolean first = !l.served() && landed.replace(id, l, l.asServed());
            if (first) {
                counters.issued.increment();
                counters.attempts.increment();
            } else {
                counters.journalHits.increment(); // served, answered or failed, from the item an identical request took
            }
            if (l.answered()) {
                LlmResponse r = response(l);
                counters.success(role, r, first ? l.costUsd() : 0.0);
                if (first) counters.billed(role, l.billedUsage(), 0.0); // their cost is in costUsd
                return CompletableFuture.completedFuture(r);
            }
            counters.failure(role, l.failure().reason());
            if (first) counters.billed(role, l.billedUsage(), l.costUsd());
            return CompletableFuture.failedFuture(l.failure().toException());
        }
        if (refused.contains(id)) {
            counters.budgetSkipped.increment();
            return CompletableFuture.failedFuture(budgetExhausted());
        }
        return null;
    }

    private BudgetExhaustedException budgetExhausted() { return budget.refusal("submitted"); }

    /** Share of the list price a batch item of {@code providerKey} costs: 1 - {@code options.batch_discount} (default: the protocol's). */
    double factor(String providerKey) { return BatchPricing.factor(providers.get(providerKey)); }

    /** Worst-case cost of {@code p} at {@code factor} of the list price (what the budget reserves). */
    double estimate(Pending p, double factor) { return factor * p.listUsd(); }

    /** The request of a queued call, read back from the spool. */
    LlmRequest request(Pending p) { return spool.read(p.slot()); }

    /**
     * Records an answer as a synchronous call would: budget settled, cache, journal; served once the journal has it on
     * disk (the future). Callers land a whole batch, then wait, so one fsync covers many answers.
     */
    CompletableFuture<Void> land(Pending p, LlmRequest request, LlmResponse response, double factor, double reserved, boolean settle) {
        double cost = costs.of(request, response) * factor;
        if (settle) budget.settle(reserved, cost);
        else budget.addSpent(cost);
        return landSettled(p, request, response, null, cost, Usage.NONE);
    }

    /** Records a final failure (journaled like a synchronous call's, so a resume retries it). */
    CompletableFuture<Void> landFailure(Pending p, LlmRequest request, CallFailure failure, double reserved, boolean settle) {
        if (settle) budget.settle(reserved, 0);
        return landSettled(p, request, null, failure, 0, Usage.NONE);
    }

    /**
     * Records an outcome whose cost the budget already has: a synchronous retry's, which its {@link CallSpend} settled.
     *
     * @param costUsd     the answer's cost (if any) plus that of every attempt billed without one
     * @param billedUsage the tokens of those attempts
     */
    CompletableFuture<Void> landSettled(Pending p, LlmRequest request, LlmResponse response, CallFailure failure, double costUsd, Usage billedUsage) {
        // As CallSender records them: the tokens billed without an answer go with the answer, or with the failure.
        LlmResponse answer = response == null ? null : response.withBilledBefore(billedUsage);
        CallFailure failed = failure == null ? null : failure.withBilled(billedUsage);
        JournalEntry entry = new JournalEntry(p.key(), p.role().name(), p.provider(), keys.normalized(request), answer, failed, costUsd, clock.millis());
        if (response == null) return journal.append(entry).thenRun(() -> landed.put(p.customId(), new Landed(-1, failed, costUsd, billedUsage, false)));
        CompletableFuture<Void> journaled = journal.appendLocated(entry)
                .thenAccept(offset -> landed.put(p.customId(), new Landed(offset, null, costUsd, billedUsage, false)));
        // Cached after its line is queued, as CallSender does: no free cache-hit line can precede the paid one.
        if (cache != null && endpoints.cacheable(p.provider())) cache.put(p.key(), answer);
        return journaled;
    }

    @Override
    public void close() {
        apis.values().forEach(BatchApi::close);
        log.close();
        spool.clear();
        try {
            java.nio.file.Files.deleteIfExists(uploadFile); // left by a killed session if one wrote it and died before the create
        } catch (java.io.IOException e) {
            options.log().accept("cannot delete " + uploadFile + ": " + e.getMessage());
        }
    }
}
