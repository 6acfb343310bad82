package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Served;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against a misbehaving server: every call ends accounted for, nothing succeeds twice. */
class CallEngineFaultTest {
    @TempDir Path tmp;
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() { server.close(); }

    /** Outcome of one call: the response or the failure. */
    record Outcome(LlmResponse response, Throwable failure) {}

    static List<Outcome> runAll(CallEngine engine, int n) {
        List<CompletableFuture<Outcome>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(engine.call("fake", EngineFixture.request(i), i % 3 == 0 ? Role.JUDGE : i % 3 == 1 ? Role.A : Role.B)
                    .handle((r, e) -> new Outcome(r, e instanceof CompletionException ? e.getCause() : e)));
        }
        return fs.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void chaosEveryCallAccountedNoSuccessReissuedCountsMatchServer() {
        // 10% 500s, 10% 429 with Retry-After, 5% timeouts, 5% malformed bodies.
        // The deadline is far from both a normal reply and a hang: with 0.3 s, an OK slowed down by a loaded
        // machine was cut off by the client while the server counted it as sent (issue 14 item 9); 5 s against a
        // 60 s hang keeps that margin at a load average of 40.
        server.chaos(7, 0.10, 0.10, "1", 0.05, 60_000, 0.05);
        EngineFixture fx = new EngineFixture(server, tmp.resolve("cache"));
        fx.timeoutSeconds = "5";
        fx.maxAttempts = 4;
        Path run = tmp.resolve("run");
        int n = 200;
        List<Outcome> outcomes;
        EngineSnapshot s;
        try (CallEngine engine = fx.engine(run)) {
            outcomes = runAll(engine, n);
            s = engine.snapshot();
        }
        long ok = outcomes.stream().filter(o -> o.response() != null).count();
        for (Outcome o : outcomes) {
            if (o.failure() != null) {
                ProviderException pe = assertInstanceOf(ProviderException.class, o.failure());
                assertTrue(pe.getMessage().contains("attempt"), pe.getMessage());
            }
        }
        assertEquals(n, s.succeeded() + s.failed(), "every call completed or failed with a reason");
        assertEquals(ok, s.succeeded());
        assertEquals(s.failed(), s.failuresByReason().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(server.requests().size(), s.attempts(), "engine attempts == requests the server received");
        assertEquals(server.count("ok"), s.succeeded(), "engine successes == 200 OKs the server sent");
        assertEquals(s.attempts() - s.issued(), s.retries());
        assertTrue(s.retries() > 0 && ok > n * 0.9, s.toString());
        assertTrue(fx.delayer.waits().stream().anyMatch(w -> w.getSeconds() >= 1), "Retry-After: 1 was honoured");
        assertNoSuccessReissued(server.served());
        assertEquals(n * 18L - (n - ok) * 18L, s.byRole().values().stream().mapToLong(u -> u.inputTokens() + u.outputTokens()).sum());

        // Resume: completed calls come from the journal; only the failed ones go out again.
        int before = server.requests().size();
        server.fallback(r -> FakeOpenAiServer.Reply.ok());
        try (CallEngine engine = fx.engine(run)) {
            List<Outcome> again = runAll(engine, n);
            EngineSnapshot r = engine.snapshot();
            assertEquals(ok, r.journalHits());
            assertEquals(n - ok, server.requests().size() - before, "only the failed calls were re-issued");
            assertTrue(again.stream().allMatch(o -> o.response() != null));
        }
        assertNoSuccessReissued(server.served());
    }

    static void assertNoSuccessReissued(List<Served> served) {
        Set<String> succeeded = new HashSet<>();
        Map<String, Integer> okCount = new HashMap<>();
        for (Served sv : served) {
            String id = sv.request().lastUserText();
            assertFalse(succeeded.contains(id), "request " + id + " was sent again after it succeeded");
            if (sv.kind().equals("ok")) {
                succeeded.add(id);
                okCount.merge(id, 1, Integer::sum);
            }
        }
    }

    @Test
    void clientErrorsAreNotRetriedAndNameStatusAndProviderText() {
        server.enqueue(FakeOpenAiServer.Reply.error(400, "Invalid value for 'temperature'"));
        EngineFixture fx = new EngineFixture(server, null);
        try (CallEngine engine = fx.engine(tmp.resolve("run"))) {
            Outcome o = runAll(engine, 1).get(0);
            ProviderException pe = assertInstanceOf(ProviderException.class, o.failure());
            assertEquals(ProviderException.Kind.FATAL, pe.kind());
            assertTrue(pe.getMessage().contains("HTTP 400") && pe.getMessage().contains("Invalid value for 'temperature'"), pe.getMessage());
            assertEquals(1, server.requests().size(), "not retried");
            assertEquals(Map.of("FATAL 400", 1L), engine.snapshot().failuresByReason());
            assertEquals(0, engine.snapshot().retries());
        }
    }

    @Test
    void unauthorizedIsFatalAtOnce() {
        server.enqueue(FakeOpenAiServer.Reply.error(401, "Incorrect API key provided"));
        try (CallEngine engine = new EngineFixture(server, null).engine(tmp.resolve("run"))) {
            Outcome o = runAll(engine, 1).get(0);
            assertTrue(o.failure().getMessage().contains("HTTP 401: Incorrect API key provided"), o.failure().getMessage());
            assertEquals(1, server.requests().size());
        }
    }
}
