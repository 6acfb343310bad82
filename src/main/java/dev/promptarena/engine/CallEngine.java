package dev.promptarena.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.llm.Price;
import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.TokenCounter;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.http.RetryingClient;
import dev.promptarena.util.DaemonThreads;
import dev.promptarena.util.IoReason;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The {@link Calls} implementation every run uses. Per call, in order: this run's journal
 * (resume: a call completed before is served, not re-issued), the shared content-addressed
 * cache, the budget, then the provider's client behind the one retry layer (retries, adaptive
 * concurrency, rate buckets — see {@link Endpoints}). Every completed call, success or final
 * failure, is appended to {@code journal.jsonl} and forced to disk before its future completes.
 */
public final class CallEngine implements Calls {
    /** The journal's file name inside the run directory. */
    public static final String JOURNAL = "journal.jsonl";

    private final ObjectMapper json = new ObjectMapper();
    private final RequestKeys keys = new RequestKeys();
    private final Counters counters = new Counters();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("engine-delays"));
    /** Runs callers' continuations, so neither the journal writer nor an HTTP thread is held by them. */
    private final ExecutorService callbacks = Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), DaemonThreads.named("engine-callbacks"));
    private final Endpoints endpoints;
    private final Journal journal;
    private final ResponseCache cache;
    private final PriceTable prices;
    private final CallCosts costs;
    private final Budget budget;
    /** Batch mode (issue 21), or null for synchronous calls. */
    private final BatchLane lane;
    private volatile boolean stopping;

    /**
     * The engine with clients for exactly {@code providerKeys}: the runner knows which it will call, and
     * an unused provider's missing key must not stop a run.
     *
     * @param env     the environment the CLI received (API keys are looked up by the names in the config)
     * @param runDir  {@code reports/<run-id>}; an existing journal there is resumed
     * @throws IllegalArgumentException when a provider cannot be built (unknown type, key not set)
     */
    public static CallEngine create(ArenaConfig config, Set<String> providerKeys, Map<String, String> env, Path runDir,
                                    EngineOptions options) {
        ClientFactory factory = new ClientFactory(env, options.clock());
        Map<String, ProviderConfig> used = new LinkedHashMap<>();
        for (String key : providerKeys) {
            ProviderConfig p = config.provider(key);
            if (p == null) throw new IllegalArgumentException("no provider named '" + key + "'");
            used.put(key, p);
        }
        return new CallEngine(used, factory::create, config.maxAttempts(), config.prices(), runDir, options,
                p -> dev.promptarena.llm.WireProtocols.find(p.type()).map(w -> w.batch(p, factory)).orElse(null));
    }

    /** The engine over clients built by {@code clients} (tests pass fakes here), without batch endpoints. */
    public CallEngine(Map<String, ProviderConfig> providers, Function<ProviderConfig, LlmClient> clients, int maxAttempts,
                      Map<String, Price> priceOverrides, Path runDir, EngineOptions options) {
        this(providers, clients, maxAttempts, priceOverrides, runDir, options, p -> null);
    }

    /** @param batchApis each provider's batch endpoint, or null when it has none (used only when {@code options.batch()} is set) */
    public CallEngine(Map<String, ProviderConfig> providers, Function<ProviderConfig, LlmClient> clients, int maxAttempts,
                      Map<String, Price> priceOverrides, Path runDir, EngineOptions options,
                      Function<ProviderConfig, dev.promptarena.llm.BatchApi> batchApis) {
        this.endpoints = new Endpoints(providers, clients, maxAttempts, options, scheduler, counters);
        this.journal = Journal.open(runDir.resolve(JOURNAL), json, callbacks).withRoom(options.journalRoom()).onFailure(this::stop);
        this.cache = options.cacheDir() == null ? null : new ResponseCache(options.cacheDir(), json);
        this.prices = new PriceTable(priceOverrides);
        this.costs = new CallCosts(prices, counters);
        this.budget = new Budget(options.maxCostUsd());
        budget.addSpent(journal.spentUsd());
        // Counted once here, not per journal hit: two cases may be served from one billed answer (resume, issue 21).
        journal.spentByRole().forEach((role, usd) -> counters.spentBefore(Role.valueOf(role), usd));
        this.lane = options.batch() == null ? null : BatchLane.open(providers, batchApis, options, runDir, json, journal, cache, endpoints,
                budget, prices, counters, keys, costs);
    }

    @Override
    public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
        counters.requested.increment();
        RetryingClient client = endpoints.client(providerKey);
        if (client == null) return CompletableFuture.failedFuture(new IllegalArgumentException("no provider named '" + providerKey + "'"));
        ObjectNode normalized = keys.normalized(request);
        String key = keys.key(client.identity(), normalized);
        JournalEntry done = journal.completed(role.name(), key);
        if (done != null) {
            counters.journalHits.increment();
            counters.success(role, done.response(), 0.0); // its cost was counted at open
            return CompletableFuture.completedFuture(done.response());
        }
        CompletableFuture<LlmResponse> batched = lane == null ? null : lane.serve(role, key);
        if (batched != null) return batched;
        boolean cacheable = cache != null && endpoints.cacheable(providerKey);
        if (cacheable) {
            LlmResponse hit = cache.get(key).map(LlmResponse::asCached).orElse(null);
            if (hit != null) {
                counters.cacheHits.increment();
                return record(providerKey, key, role, normalized, hit, null, 0.0, Usage.NONE);
            }
        }
        if (stopping) return CompletableFuture.failedFuture(new RunStoppedException());
        double estimate = prices.cost(request.model(), TokenCounter.worstInput(request), TokenCounter.outputCap(request));
        return budget.reserve(estimate).thenCompose(reserved -> {
            if (!reserved) {
                counters.budgetSkipped.increment();
                return CompletableFuture.failedFuture(budget.refusal("issued"));
            }
            if (stopping) { // stopped while the call waited for room in the budget
                budget.settle(estimate, 0);
                return CompletableFuture.failedFuture(new RunStoppedException());
            }
            return issue(client, providerKey, key, role, request, normalized, estimate, cacheable);
        });
    }

    /** Sends a call whose worst case is reserved, settles the budget and journals the outcome. */
    private CompletableFuture<LlmResponse> issue(RetryingClient client, String providerKey, String key, Role role, LlmRequest request,
                                                 ObjectNode normalized, double estimate, boolean cacheable) {
        counters.issued.increment();
        counters.inFlight.increment();
        CallSpend spend = new CallSpend(budget, costs, request, estimate);
        return client.send(request, spend).handle((response, error) -> {
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
                    return record(providerKey, key, role, normalized, null, new CallFailure("STOPPED", 0,
                            "the run stopped before a retry; earlier attempts were billed"), billed, spend.billedUsage());
                }
                return record(providerKey, key, role, normalized, null, CallFailure.ofError(error), billed, spend.billedUsage());
            }
            double cost = spend.finish(costs.of(request, response));
            // Best effort, in the background: the cache only saves money next time.
            if (cacheable) cache.put(key, response);
            return record(providerKey, key, role, normalized, response, null, cost, spend.billedUsage());
        }).thenCompose(f -> f);
    }

    /**
     * Journals the outcome, then completes with the response or the failure (after the journal is forced).
     *
     * @param cost        what the call cost in all: its answer and every attempt billed without one (journaled, so a
     *                    resumed run counts it once, at open)
     * @param billedUsage tokens of the attempts billed without an answer (the answer's own are in {@code response})
     */
    private CompletableFuture<LlmResponse> record(String provider, String key, Role role, ObjectNode request,
                                                  LlmResponse response, CallFailure failure, double cost, Usage billedUsage) {
        JournalEntry entry = new JournalEntry(key, role.name(), provider, request, response, failure,
                cost, System.currentTimeMillis());
        return journal.append(entry).handle((ok, ioError) -> {
            if (ioError != null) {
                // Spending on without a record would pay for answers a resume must buy again: no new calls.
                stop();
                throw new CompletionException(new JournalFailedException(IoReason.of(journal.failure() != null ? journal.failure() : ioError)));
            }
            if (failure != null) {
                counters.failure(role, failure.reason());
                counters.billed(role, billedUsage, cost);
                throw new CompletionException(failure.toException());
            }
            counters.success(role, response, cost);
            counters.billed(role, billedUsage, 0.0);
            return response;
        });
    }

    /**
     * Batch mode's collecting door: serves answers that exist and queues every other call for the next batch
     * round (failing it with {@link DeferredCallException}); counts nothing, so the run proper counts each call once.
     */
    public Calls deferring() {
        if (lane == null) throw new IllegalStateException("the engine is not in batch mode");
        return new Calls() {
            @Override public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) { return lane.lookup(providerKey, request, role); }
            @Override public void close() { }
        };
    }

    /** Submits the calls {@link #deferring()} queued as batches and lands their answers; false when none were queued. */
    public boolean submitDeferred() throws InterruptedException { return new BatchRound(lane, () -> stopping).run(); }

    /** The counters now (cheap; safe to call from a progress thread). */
    public EngineSnapshot snapshot() { return counters.snapshot(budget.exhausted()); }

    /** Client identity per provider key (type and endpoint, never a key) for the manifest. */
    public Map<String, String> identities() { return new LinkedHashMap<>(endpoints.identities()); }

    /** Why the journal stopped accepting entries (the run then stops and exits with a run error), or null. */
    public String journalFailure() { return journal.failure() == null ? null : IoReason.of(journal.failure()); }

    /** Entries found in the journal when the engine opened (non-zero means this is a resume). */
    public int resumedEntries() { return journal.loadedEntries(); }

    /** Bytes of a torn last journal line that were discarded at open. */
    public long discardedTornBytes() { return journal.tornBytes(); }

    /**
     * A graceful stop (Ctrl-C): calls already sent finish and are journaled; queued and later calls fail
     * with {@link RunStoppedException} (answers from the journal or the cache are still served). Any thread.
     */
    public void stop() {
        stopping = true;
        endpoints.refuseNewCalls(new RunStoppedException());
        if (lane != null) lane.polls.wake(); // a batch poll wait ends now, not at the next poll
    }

    /** Closes everything and waits for the cache's queued writes. */
    @Override
    public void close() {
        closeLeavingCacheWrites().join();
    }

    /**
     * Closes the journal, the clients and the threads now; the shared cache's queued writes finish in the
     * background. The future completes with the number of cache writes that failed once all are done.
     */
    public CompletableFuture<Long> closeLeavingCacheWrites() {
        journal.close();
        scheduler.shutdownNow();
        callbacks.shutdown();
        endpoints.close();
        if (lane != null) lane.close();
        return cache == null ? CompletableFuture.completedFuture(0L) : cache.finishWrites();
    }
}
