package dev.promptarena.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.llm.Price;
import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.http.RetryingClient;
import dev.promptarena.util.DaemonThreads;
import dev.promptarena.util.IoReason;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The {@link Calls} implementation every run uses. Per call, in order: this run's journal
 * (resume: a call completed before is served, not re-issued), the batch lane (batch mode), the answer another
 * role's identical call journaled before (a cache hit), the shared content-addressed cache, an identical call in flight, of any role ({@link IdenticalCalls}: waited
 * for, not sent again; its failure after retries fails every identical call of the run), then {@link CallSender}: the budget, the provider's client behind the one retry
 * layer (retries, adaptive concurrency, rate buckets — see {@link Endpoints}) and the wire. Every completed
 * call, success or final failure, is appended to {@code journal.jsonl} and forced to disk before its
 * future completes.
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
    private final IdenticalCalls identical = new IdenticalCalls();
    private final CallSender sender;
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
        Endpoints opened = null;
        Journal read = null;
        ResponseCache shared = null;
        try {
            this.endpoints = opened = new Endpoints(providers, clients, maxAttempts, options, scheduler, counters);
            this.journal = read = Journal.open(runDir.resolve(JOURNAL), json, callbacks).withRoom(options.journalRoom()).onFailure(this::stop);
            this.cache = shared = options.cacheDir() == null ? null : new ResponseCache(options.cacheDir(), json);
            this.prices = new PriceTable(priceOverrides);
            this.costs = new CallCosts(prices, counters);
            this.budget = new Budget(options.maxCostUsd());
            this.sender = new CallSender(journal, cache, budget, prices, costs, counters, () -> stopping, this::stop);
            budget.addSpent(journal.spentUsd());
            // Counted once here, not per journal hit: two cases may be served from one billed answer (resume, issue 21).
            journal.spentByRole().forEach((role, usd) -> counters.spentBefore(Role.valueOf(role), usd));
            // Their tokens likewise: a journal hit counts its answer's tokens, not those billed without an answer (before it,
            // or by a failed call), which the cost above paid for.
            journal.billedByRole().forEach((role, tokens) -> counters.billed(Role.valueOf(role), tokens, 0.0));
            this.lane = options.batch() == null ? null : BatchLane.open(providers, batchApis, options, runDir, json, journal, cache, endpoints,
                    budget, prices, counters, keys, costs);
        } catch (RuntimeException | Error failed) {
            // No one gets an engine to close: what was opened is closed here (a refused resume's journal, the clients and
            // their HTTP threads), or every refused resume of a long-lived process (watch, tests) would leave them behind.
            Journal j = read;
            ResponseCache c = shared;
            Endpoints e = opened;
            closeAfter(failed, () -> { if (j != null) j.close(); }, () -> { if (c != null) c.close(); }, () -> { if (e != null) e.close(); },
                    scheduler::shutdownNow, callbacks::shutdownNow);
            throw failed;
        }
    }

    /** Runs every step, each failure kept with {@code failed} (the error the caller is told) rather than skipping the rest. */
    private static void closeAfter(Throwable failed, Runnable... steps) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failed.addSuppressed(e);
            }
        }
    }

    @Override
    public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
        counters.requested.increment();
        RetryingClient client = endpoints.client(providerKey);
        if (client == null) return CompletableFuture.failedFuture(new IllegalArgumentException("no provider named '" + providerKey + "'"));
        String normalized = keys.normalized(request);
        String key = keys.key(client.identity(), normalized);
        // A cacheable request is shared by every role that sends it (one is sent, the others served its outcome), so each
        // carries what any role's failed calls of it were billed; an uncached one is each role's own.
        boolean shared = cache != null && endpoints.cacheable(providerKey);
        Usage earlier = journal.failedBilling(key, shared ? EnumSet.allOf(Role.class) : EnumSet.of(role));
        CompletableFuture<LlmResponse> call = call(client, providerKey, key, role, request, normalized);
        return Usage.NONE.equals(earlier) ? call : EarlierBilling.carry(call, earlier);
    }

    private CompletableFuture<LlmResponse> call(RetryingClient client, String providerKey, String key, Role role, LlmRequest request,
                                                String normalized) {
        JournalEntry done = journal.completed(role.name(), key);
        if (done != null) {
            counters.journalHits.increment();
            counters.success(role, done.response(), 0.0); // its cost was counted at open
            return CompletableFuture.completedFuture(done.response());
        }
        CompletableFuture<LlmResponse> batched = lane == null ? null : lane.serve(role, key);
        if (batched != null) return batched;
        CallSender.Asked asked = new CallSender.Asked(client, providerKey, key, role, request, normalized);
        // Without the cache (--no-cache, the simulator) every call is sent: a fresh answer each is what was asked for.
        if (cache == null || !endpoints.cacheable(providerKey)) return sender.send(asked, false);
        return cachedOrSent(asked);
    }

    /**
     * A cacheable call: from the cache, else from an identical call in flight, of any role ({@link IdenticalCalls}),
     * else failed with the failure after retries of an identical call of this run (not sent again), else sent. Served from an identical call, it counts and is journaled as a cache hit of its own role: it would have
     * been one had it started after that call finished, so engine.json does not depend on when it started. The slot is
     * the cache key, which has no role in it, as the cache has none: an A/A arena, or A and B sending one case the same
     * request, get one answer, as a re-run or a resume (served from the one cache entry, or the paying role's journal
     * line) would. A pays: the runner asks a case's A call before its B call on one thread, and the slot is taken before
     * {@link #call} returns, so B finds A's call in flight or its answer in the cache (IdenticalRequestPayerTest).
     */
    private CompletableFuture<LlmResponse> cachedOrSent(CallSender.Asked asked) {
        CompletableFuture<LlmResponse> hit = journaledForAnotherRole(asked);
        if (hit == null) hit = cacheHit(asked);
        if (hit != null) return hit;
        return identical.sendOrWait(asked.key(), () -> {
            // An identical call may have finished between the look above and taking the slot: its answer is in the cache.
            CompletableFuture<LlmResponse> late = cacheHit(asked);
            return late != null ? late : sender.send(asked, true, failure -> identical.failedAfterRetries(asked.key(), failure));
        }, answer -> {
            counters.cacheHits.increment();
            return sender.record(asked, answer.asCached(), null, 0.0);
        }, failure -> sender.recordSharedFailure(asked, failure), () -> cachedOrSent(asked));
    }

    /**
     * An answer an earlier session journaled for another role's identical request, served as a cache hit of this role;
     * null when there is none. A run killed between the paid line (A's) and the cache-hit line of the role it served (B's)
     * left B's slot unrecorded; the cache may not hold the answer on resume (another cache folder, or its background write
     * lost with the process), and B was then sent again: paid twice, and engine.json differed from the uninterrupted run's.
     */
    private CompletableFuture<LlmResponse> journaledForAnotherRole(CallSender.Asked asked) {
        JournalEntry done = journal.completedByAnotherRole(asked.role(), asked.key());
        if (done == null) return null;
        counters.cacheHits.increment();
        return sender.record(asked, done.response().asCached(), null, 0.0);
    }

    /** The cached answer, counted and journaled as a cache hit; null on a miss. */
    private CompletableFuture<LlmResponse> cacheHit(CallSender.Asked asked) {
        LlmResponse hit = cache.get(asked.key()).map(LlmResponse::asCached).orElse(null);
        if (hit == null) return null;
        counters.cacheHits.increment();
        return sender.record(asked, hit, null, 0.0);
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
        identical.stop();
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
