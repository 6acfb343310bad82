package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.config.BatchSettings;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.WireProtocols;
import dev.promptarena.testing.FakeBatchServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode's one item for a request two roles send: it is the lowest role's whichever asked first, so a resume
 * queues the item its killed session submitted (a live batch's items are waited for by id, not submitted again).
 */
class BatchSharedItemTest {
    @TempDir Path tmp;

    private CallEngine engine(FakeBatchServer server, Path run) {
        return engine(server, run, tmp.resolve("cache"));
    }

    private CallEngine engine(FakeBatchServer server, Path run, Path cache) {
        ProviderConfig p = new ProviderConfig("p", "openai", server.baseUrl(), "BATCH_KEY", 4, null, null, Map.of(), Map.of());
        ClientFactory clients = new ClientFactory(Map.of("BATCH_KEY", "sk-batch"), Clock.systemUTC());
        EngineOptions options = EngineOptions.defaults(Map.of()).withCacheDir(cache)
                .withBatch(BatchOptions.of(BatchSettings.Retry.SYNC, null).withSleeper(d -> { }));
        return new CallEngine(Map.of("p", p), clients::create, 3, Map.of(), run, options,
                c -> WireProtocols.find(c.type()).map(w -> w.batch(c, clients)).orElse(null));
    }

    private static void deferred(Calls collect, LlmRequest request, Role role) {
        CompletionException e = assertThrows(CompletionException.class, () -> collect.call("p", request, role).join());
        assertInstanceOf(DeferredCallException.class, e.getCause(), role.name());
    }

    @Test
    void theItemIsTheLowestRolesWhicheverAskedFirstAndTheOtherRoleIsACacheHit() throws Exception {
        LlmRequest request = EngineFixture.request(1);
        try (FakeBatchServer server = new FakeBatchServer(); CallEngine engine = engine(server, tmp.resolve("run"))) {
            Calls collect = engine.deferring();
            deferred(collect, request, Role.JUDGE);
            deferred(collect, request, Role.B);
            deferred(collect, request, Role.A);
            assertTrue(engine.submitDeferred());
            assertEquals(1, server.itemsSubmitted(), "one item for the three calls");
            String upload = String.join("\n", server.uploads());
            String key = new RequestKeys().key(engine.identities().get("p"), new RequestKeys().normalized(request));
            assertTrue(upload.contains(BatchLane.customId(Role.A, key)), upload);

            // The next pass finds every answer (A's in the journal, B's and the judge's in the cache) and queues nothing.
            for (Role r : Role.values()) collect.call("p", request, r).join();
            assertFalse(engine.submitDeferred());
            for (Role r : Role.values()) engine.call("p", request, r).join();
            EngineSnapshot s = engine.snapshot();
            assertEquals(1, s.issued(), s.toString());
            assertEquals(2, s.cacheHits(), s.toString());
            assertEquals(3, s.succeeded());
        }
    }

    /**
     * Killed after A's item landed (journaled) and before B was served from it, resumed with another cache (or the
     * background cache write lost): B's slot has no line and the cache no answer, so B was queued as an item of its own
     * and paid again. The other role's journal line serves it, as a cache hit of B, as in the uninterrupted run.
     */
    @Test
    void aResumeServesTheOtherRoleFromTheLandedItemsJournalLineNotANewItem() throws Exception {
        LlmRequest request = EngineFixture.request(1);
        Path run = tmp.resolve("run");
        try (FakeBatchServer server = new FakeBatchServer()) {
            try (CallEngine killed = engine(server, run, tmp.resolve("cache-killed"))) {
                deferred(killed.deferring(), request, Role.A);
                assertTrue(killed.submitDeferred());
                killed.call("p", request, Role.A).join();
            }
            assertEquals(1, server.itemsSubmitted());
            try (CallEngine resumed = engine(server, run, tmp.resolve("cache-resumed"))) {
                Calls collect = resumed.deferring();
                collect.call("p", request, Role.A).join();
                collect.call("p", request, Role.B).join(); // not deferred: nothing to queue
                assertFalse(resumed.submitDeferred(), "no item queued for B");
                assertEquals(1, server.itemsSubmitted(), "nothing submitted again");
                resumed.call("p", request, Role.A).join();
                assertTrue(resumed.call("p", request, Role.B).join().cached(), "B is a cache hit of its own");
                EngineSnapshot s = resumed.snapshot();
                assertEquals(0, s.issued(), s.toString());
                assertEquals(1, s.cacheHits(), s.toString());
                assertEquals(1, s.journalHits(), s.toString());
                assertEquals(0.0, s.byRole().get(Role.B).costUsd(), 0.0, s.toString());
            }
        }
    }
}
