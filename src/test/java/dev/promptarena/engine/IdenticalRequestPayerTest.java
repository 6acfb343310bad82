package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.judge.ReferenceJudge;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Price;
import dev.promptarena.recorded.Recorded;
import dev.promptarena.run.ArenaRunner;
import dev.promptarena.run.CheckStage;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who pays for a request A and B both send for a case (an A/A arena) in a synchronous run. The runner asks A's call and
 * then B's on one thread, in that order, and the engine takes the identical-call slot inside {@code call}, before it
 * returns: so A's call holds the slot, or its answer is in the cache, by the time B asks. The only thing thread timing
 * decides is which of the two B finds, and both make A the payer and B a free cache hit of its own, as batch mode does
 * (the lowest role's item). Both orders are forced here with latches, not left to timing.
 */
class IdenticalRequestPayerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final CountDownLatch generationArrived = new CountDownLatch(1);
    private final CountDownLatch releaseGeneration = new CountDownLatch(1);
    private final ExecutorService runnerThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        releaseGeneration.countDown();
        runnerThread.shutdownNow();
        server.close();
    }

    /** The one variant both slots run: the same provider, model and prompt, so A and B send one request. */
    private static VariantConfig variant(String slot) {
        return new VariantConfig(slot, "same-prompt", "fake", "gpt-4o-mini", null, "{{q}}", Decoding.UNSET, List.of(), null);
    }

    private EngineFixture fixture(String cache) {
        EngineFixture f = new EngineFixture(server, tmp.resolve(cache));
        f.prices = Map.of("gpt-4o-mini", new Price(1.0, 2.0));
        return f;
    }

    /** Wraps the engine's door: records the order calls were asked in, and runs {@code beforeB} before B's call is made. */
    private static final class Watched implements Calls {
        final Calls engine;
        final List<Role> asked = new CopyOnWriteArrayList<>();
        final AtomicReference<CompletableFuture<LlmResponse>> callOfA = new AtomicReference<>();
        final CountDownLatch bAsked = new CountDownLatch(1);
        Runnable beforeB = () -> { };

        Watched(Calls engine) { this.engine = engine; }

        @Override public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
            if (role == Role.B) beforeB.run();
            asked.add(role);
            CompletableFuture<LlmResponse> f = engine.call(providerKey, request, role);
            if (role == Role.A) callOfA.set(f);
            if (role == Role.B) bAsked.countDown();
            return f;
        }

        @Override public void close() { }
    }

    private Future<?> runOneCase(Watched calls) {
        ArenaRunner runner = new ArenaRunner(variant("A"), variant("B"), new ReferenceJudge(0), calls, CostModel.FREE, 1,
                Recorded.NONE, CheckStage.none());
        GoldenCase c = new GoldenCase("c0", Map.of("q", "where is my parcel?"), null, null, Map.of(), List.of(), 1);
        return runnerThread.submit(() -> runner.run(List.of(c), 1, r -> { }));
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(60, TimeUnit.SECONDS), what);
    }

    /** A paid the one request, B was served it free as a cache hit of B: in engine.json and in the journal. */
    private void assertAPaidAndBWasServed(EngineSnapshot s, Path runDir) throws Exception {
        assertEquals(1, server.requests().size(), "A and B's request was sent once");
        assertEquals(1, s.issued());
        assertEquals(1, s.cacheHits());
        assertEquals(1, s.byRole().get(Role.A).calls());
        assertEquals(1, s.byRole().get(Role.B).calls());
        assertTrue(s.byRole().get(Role.A).costUsd() > 0, "A paid: " + s);
        assertEquals(0.0, s.byRole().get(Role.B).costUsd(), 0.0, "B was served free: " + s);
        List<String> lines = Files.readAllLines(runDir.resolve(CallEngine.JOURNAL));
        assertEquals(2, lines.size(), String.join("\n", lines));
        JsonNode paid = JSON.readTree(lines.get(0));
        JsonNode served = JSON.readTree(lines.get(1));
        assertEquals("A", paid.get("role").asText(), "the paid line is A's: " + lines);
        assertTrue(paid.get("costUsd").asDouble() > 0, lines.get(0));
        assertEquals("B", served.get("role").asText());
        assertTrue(served.get("response").get("cached").asBoolean(), lines.get(1));
    }

    @Test
    void bAskedWhileAsCallIsInFlightWaitsForItAndAPays() throws Exception {
        server.fallback(r -> {
            generationArrived.countDown();
            try {
                if (!releaseGeneration.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released the request");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok("on its way");
        });
        Path runDir = tmp.resolve("run");
        try (CallEngine engine = fixture("cache").engine(runDir)) {
            Watched calls = new Watched(engine);
            Future<?> run = runOneCase(calls);
            await(generationArrived, "A's request reached the fake");
            await(calls.bAsked, "B asked while A's request was held");
            assertTrue(!calls.callOfA.get().isDone(), "A's call was still in flight when B asked");
            releaseGeneration.countDown();
            run.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(Role.A, Role.B), calls.asked, "the runner asks A, then B");
            assertAPaidAndBWasServed(engine.snapshot(), runDir);
        }
    }

    @Test
    void bAskedAfterAsCallFinishedIsServedFromTheCacheAndAPays() throws Exception {
        server.fallback(r -> Reply.ok("on its way"));
        Path runDir = tmp.resolve("run");
        try (CallEngine engine = fixture("cache").engine(runDir)) {
            Watched calls = new Watched(engine);
            // The runner's thread is held before B's call until A's call has completed (journaled, its answer in the cache).
            calls.beforeB = () -> calls.callOfA.get().join();
            runOneCase(calls).get(60, TimeUnit.SECONDS);
            assertEquals(List.of(Role.A, Role.B), calls.asked);
            assertAPaidAndBWasServed(engine.snapshot(), runDir);
        }
    }

    /**
     * The kill fell between A's paid line and B's cache-hit line, and the resume has its own cache (another machine,
     * another PROMPT_ARENA_CACHE_DIR, or the background cache write lost with the process). B's slot has no journal line
     * and the cache no answer: B was sent again and paid for an answer the journal holds, so engine.json said B paid what
     * the uninterrupted run served free. The journal line of the other role serves B as the cache hit it was uninterrupted.
     */
    @Test
    void aResumeServesBFromAsPaidJournalLineNotTheWire() throws Exception {
        server.fallback(r -> Reply.ok("on its way"));
        Path runDir = tmp.resolve("run");
        LlmRequest same = EngineFixture.request(1);
        EngineSnapshot uninterrupted;
        try (CallEngine engine = fixture("cache-uninterrupted").engine(tmp.resolve("uninterrupted"))) {
            engine.call("fake", same, Role.A).join();
            engine.call("fake", same, Role.B).join();
            uninterrupted = engine.snapshot();
        }
        try (CallEngine killed = fixture("cache-killed").engine(runDir)) {
            killed.call("fake", same, Role.A).join(); // journaled; the kill came before B asked
        }
        int sent = server.requests().size();
        try (CallEngine resumed = fixture("cache-resumed").engine(runDir)) {
            assertEquals("on its way", resumed.call("fake", same, Role.A).join().text());
            LlmResponse b = resumed.call("fake", same, Role.B).join();
            assertEquals("on its way", b.text());
            assertTrue(b.cached(), "served as a cache hit of B");
            assertEquals(sent, server.requests().size(), "nothing sent again");
            EngineSnapshot s = resumed.snapshot();
            for (Role role : List.of(Role.A, Role.B)) {
                assertEquals(uninterrupted.byRole().get(role).calls(), s.byRole().get(role).calls(), role + " calls");
                assertEquals(uninterrupted.byRole().get(role).costUsd(), s.byRole().get(role).costUsd(), 1e-15, role + " cost");
                assertEquals(uninterrupted.byRole().get(role).inputTokens(), s.byRole().get(role).inputTokens(), role + " input tokens");
                assertEquals(uninterrupted.byRole().get(role).outputTokens(), s.byRole().get(role).outputTokens(), role + " output tokens");
            }
            assertEquals(uninterrupted.costUsd(), s.costUsd(), 1e-15);
        }
        List<String> lines = Files.readAllLines(runDir.resolve(CallEngine.JOURNAL));
        assertEquals(2, lines.size(), "B's line was added: " + lines);
        JsonNode b = JSON.readTree(lines.get(1));
        assertEquals("B", b.get("role").asText());
        assertTrue(b.get("response").get("cached").asBoolean(), lines.get(1));
        assertEquals(0.0, b.get("costUsd").asDouble(), 0.0);
    }
}
