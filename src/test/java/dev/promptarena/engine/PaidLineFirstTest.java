package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.http.AdaptiveLimiter;
import dev.promptarena.llm.http.RetryListener;
import dev.promptarena.llm.http.RetryPolicy;
import dev.promptarena.llm.http.RetryingClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paid answer is journaled before the cache can serve it. Served from the cache in between, an identical call (another
 * case, or the other role) journals a free cache-hit line; had that line come first and the run been killed before the
 * paid one was written, a resume would find the slot of the paid call unrecorded and serve it from the cache for free:
 * the provider's bill would be missing from engine.json and the budget. The cache's writer here runs the identical call
 * the moment the cache is handed the answer, the earliest any other thread could see it, so the order is tested without
 * depending on thread timing.
 */
class PaidLineFirstTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    /** Runs each task on the calling thread, after the hook (once) when one is armed. */
    private static final class HookedWriter extends AbstractExecutorService {
        final AtomicReference<Runnable> hook = new AtomicReference<>();

        @Override public void execute(Runnable task) {
            Runnable h = hook.getAndSet(null);
            if (h != null) h.run();
            task.run();
        }
        @Override public void shutdown() {}
        @Override public List<Runnable> shutdownNow() { return List.of(); }
        @Override public boolean isShutdown() { return false; }
        @Override public boolean isTerminated() { return false; }
        @Override public boolean awaitTermination(long timeout, TimeUnit unit) { return true; }
    }

    @Test
    void thePaidLineIsJournaledBeforeTheCacheCanServeItsAnswer() throws Exception {
        HookedWriter writer = new HookedWriter();
        ResponseCache cache = new ResponseCache(tmp.resolve("cache"), JSON, PackStore.DEFAULT_SEGMENT_BYTES, writer);
        LlmRequest request = new LlmRequest("m", null, List.of(new ChatMessage("user", "where is my parcel?")), null, null, 0);
        LlmClient provider = new LlmClient() {
            @Override public CompletableFuture<LlmResponse> send(LlmRequest r) {
                return CompletableFuture.completedFuture(new LlmResponse("on its way", "m", null, new Usage(100, 20), "stop", 5, 1, false));
            }
            @Override public String identity() { return "fake http://localhost"; }
        };
        RetryingClient client = new RetryingClient(provider, RetryPolicy.of(1), new AdaptiveLimiter(4, Duration.ofSeconds(1), Clock.systemUTC()),
                null, null, delay -> CompletableFuture.completedFuture(null), () -> 0.5, null);
        RequestKeys keys = new RequestKeys();
        String normalized = keys.normalized(request);
        String key = keys.key(client.identity(), normalized);
        PriceTable prices = new PriceTable(Map.of("m", new dev.promptarena.llm.Price(1.0, 2.0)));
        Counters counters = new Counters();
        try (Journal journal = Journal.open(tmp.resolve("journal.jsonl"), JSON, Runnable::run)) {
            CallSender sender = new CallSender(journal, cache, new Budget(null), prices, new CallCosts(prices, counters), counters, () -> false, () -> { });
            CallSender.Asked paid = new CallSender.Asked(client, "p", key, Role.A, request, normalized);
            CallSender.Asked served = new CallSender.Asked(client, "p", key, Role.B, request, normalized);
            List<CompletableFuture<LlmResponse>> hits = new ArrayList<>();
            writer.hook.set(() -> hits.add(sender.record(served, cache.get(key).orElseThrow().asCached(), null, 0.0)));
            sender.send(paid, true).get();
            assertEquals(1, hits.size(), "the identical call was served from the cache");
            hits.get(0).get();
        }
        List<String> lines = Files.readAllLines(tmp.resolve("journal.jsonl"));
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("A", first.get("role").asText(), "the paid line first: " + lines);
        assertTrue(first.get("costUsd").asDouble() > 0, lines.get(0));
        assertEquals("B", second.get("role").asText());
        assertTrue(second.get("response").get("cached").asBoolean(), lines.get(1));
    }
}
