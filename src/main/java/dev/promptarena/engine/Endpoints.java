package dev.promptarena.engine;

import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.WireProtocols;
import dev.promptarena.llm.http.AdaptiveLimiter;
import dev.promptarena.llm.http.Delayer;
import dev.promptarena.llm.http.RetryListener;
import dev.promptarena.llm.http.RetryPolicy;
import dev.promptarena.llm.http.RetryingClient;
import dev.promptarena.llm.http.TokenBucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** One retrying, rate-limited client per provider key, built eagerly so a missing key fails before any spend. */
final class Endpoints {
    /** AIMD halves at most once per this window: 429s from one overload arrive together. */
    private static final Duration DECREASE_COOLDOWN = Duration.ofSeconds(1);

    private final Map<String, RetryingClient> clients = new LinkedHashMap<>();
    private final Map<String, LlmClient> direct = new LinkedHashMap<>();
    private final java.util.Set<String> uncached = new java.util.HashSet<>();

    Endpoints(Map<String, ProviderConfig> providers, Function<ProviderConfig, LlmClient> factory, int maxAttempts,
              EngineOptions options, ScheduledExecutorService scheduler, Counters counters) {
        Delayer delayer = options.delayer() != null ? options.delayer() : Delayer.scheduled(scheduler);
        RetryPolicy policy = new RetryPolicy(maxAttempts, options.backoffBase(), options.backoffCap(), Duration.ofMinutes(5));
        RetryListener listener = new RetryListener() {
            @Override public void attemptStarted() { counters.attempts.increment(); }
            @Override public void retrying(ProviderException failure, int attempt, Duration delay) { counters.retries.increment(); }
        };
        for (ProviderConfig p : providers.values()) {
            // The sim is free, instant and deterministic: caching it would only fill the disk
            // and serve stale answers after a change to the simulator.
            if (!WireProtocols.isRemote(p.type())) uncached.add(p.name());
            TokenBucket rpm = p.requestsPerMinute() == null ? null : new TokenBucket(p.requestsPerMinute(), options.clock());
            TokenBucket tpm = p.tokensPerMinute() == null ? null : new TokenBucket(p.tokensPerMinute(), options.clock());
            LlmClient own;
            try {
                own = factory.apply(p);
            } catch (RuntimeException | Error failed) {
                close(); // the clients built before this one: no engine is made to close them (CallEngineOpenFailureTest)
                throw failed;
            }
            direct.put(p.name(), own);
            clients.put(p.name(), new RetryingClient(own, policy,
                    new AdaptiveLimiter(p.concurrency(), DECREASE_COOLDOWN, options.clock()), rpm, tpm, delayer,
                    () -> ThreadLocalRandom.current().nextDouble(), listener));
        }
    }

    RetryingClient client(String providerKey) { return clients.get(providerKey); }

    /** The provider's own client, without the retry layer and its counters (batch mode asks the simulator through it). */
    LlmClient direct(String providerKey) { return direct.get(providerKey); }

    void close() { clients.values().forEach(LlmClient::close); }

    /** No call starts any more on any endpoint; calls already sent finish. */
    void refuseNewCalls(RuntimeException reason) { clients.values().forEach(c -> c.limiter().refuseNewCalls(reason)); }

    boolean cacheable(String providerKey) { return !uncached.contains(providerKey); }

    Map<String, String> identities() {
        Map<String, String> m = new LinkedHashMap<>();
        clients.forEach((k, c) -> m.put(k, c.identity()));
        return m;
    }

}
