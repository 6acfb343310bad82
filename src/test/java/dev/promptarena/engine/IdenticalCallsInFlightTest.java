package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two cases whose prompts render the same (same role, same cache key) in a synchronous run: the second, started while
 * the first is in flight, waits for it instead of being sent. The first request is held in the fake by a latch, so the
 * second always starts while it is in flight; nothing depends on timing.
 */
class IdenticalCallsInFlightTest {
    @TempDir Path tmp;
    private final HeldFirstRequest held = new HeldFirstRequest();
    private final FakeOpenAiServer server = held.server();

    @AfterEach
    void close() { held.close(); }

    /** The fake's first request is held until released, then answered by {@code first}; later ones by {@code later}. */
    private void script(Reply first, Reply later) {
        held.script(n -> n == 1 ? first : later);
    }

    private CallEngine engine() {
        return new EngineFixture(server, tmp.resolve("cache")).engine(tmp.resolve("run"));
    }

    @Test
    void theSecondWaitsForTheFirstAndGetsItsAnswerAsACacheHit() throws Exception {
        script(Reply.ok("answer-1"), Reply.ok("answer-2"));
        try (CallEngine engine = engine()) {
            CompletableFuture<LlmResponse> first = engine.call("fake", EngineFixture.request(1), Role.A);
            held.awaitFirstArrived();
            CompletableFuture<LlmResponse> second = engine.call("fake", EngineFixture.request(1), Role.A);
            held.releaseFirst();
            assertEquals("answer-1", first.join().text());
            assertEquals("answer-1", second.join().text(), "both cases got the one answer sent");
            assertEquals(1, server.requests().size(), "sent once");
            EngineSnapshot s = engine.snapshot();
            assertEquals(1, s.issued());
            assertEquals(1, s.cacheHits(), "the second is served as the cache hit it would be after the first");
            assertEquals(2, s.succeeded());
        }
    }

    /**
     * The first fails (a 400 is not retried): the second, waiting for it, fails with it, under its reason, and is not sent.
     * Before, it was sent once the first had failed and answered, so which of two cases failed depended on which asked first
     * (IdenticalCallFailureTest has both orders).
     */
    @Test
    void whenTheFirstFailsTheSecondGetsItsFailureAndIsNotSent() throws Exception {
        script(Reply.error(400, "bad request"), Reply.ok("answer-2"));
        try (CallEngine engine = engine()) {
            CompletableFuture<LlmResponse> first = engine.call("fake", EngineFixture.request(1), Role.A);
            held.awaitFirstArrived();
            CompletableFuture<LlmResponse> second = engine.call("fake", EngineFixture.request(1), Role.A);
            assertFalse(second.isDone());
            held.releaseFirst();
            CompletionException e = assertThrows(CompletionException.class, first::join);
            assertEquals(400, assertInstanceOf(ProviderException.class, e.getCause()).status());
            CompletionException shared = assertThrows(CompletionException.class, second::join);
            assertEquals(e.getCause().getMessage(), assertInstanceOf(ProviderException.class, shared.getCause()).getMessage());
            assertEquals(1, server.requests().size(), "not sent again");
            EngineSnapshot s = engine.snapshot();
            assertEquals(1, s.issued());
            assertEquals(2, s.failed());
            assertEquals(java.util.Map.of("FATAL 400", 2L), s.failuresByReason());
            assertEquals(0, s.succeeded());
            assertEquals(0, s.cacheHits());
        }
    }

    @Test
    void aStopReleasesTheWaitingCallAtOnceWhileTheFirstFinishes() throws Exception {
        script(Reply.ok("answer-1"), Reply.ok("answer-2"));
        try (CallEngine engine = engine()) {
            CompletableFuture<LlmResponse> first = engine.call("fake", EngineFixture.request(1), Role.A);
            held.awaitFirstArrived();
            CompletableFuture<LlmResponse> second = engine.call("fake", EngineFixture.request(1), Role.A);
            engine.stop();
            // The first is still held by the fake: the waiter did not wait for it.
            CompletionException e = assertThrows(CompletionException.class, second::join);
            assertInstanceOf(RunStoppedException.class, e.getCause());
            assertFalse(first.isDone());
            held.releaseFirst();
            assertEquals("answer-1", first.join().text(), "a call already sent finishes");
            assertEquals(1, server.requests().size());
        }
    }

    /**
     * A and B sending one request (an A/A arena, or a case both prompts render the same): B waits for A's call and is
     * served its answer as a cache hit of B. Before, B was sent alongside (two requests, two answers) when A was still in
     * flight, and served A's cached answer when A had finished: timing decided what was paid and what B said.
     */
    @Test
    void theOtherRoleWithTheSameRequestWaitsAndIsServedTheOneAnswerAsItsOwnCacheHit() throws Exception {
        script(Reply.ok("answer-1"), Reply.ok("answer-2"));
        try (CallEngine engine = engine()) {
            CompletableFuture<LlmResponse> a = engine.call("fake", EngineFixture.request(1), Role.A);
            held.awaitFirstArrived();
            CompletableFuture<LlmResponse> b = engine.call("fake", EngineFixture.request(1), Role.B);
            assertFalse(b.isDone(), "B waits for A's call");
            held.releaseFirst();
            assertEquals("answer-1", a.join().text());
            assertEquals("answer-1", b.join().text(), "both cases got the one answer sent");
            assertEquals(1, server.requests().size(), "sent once");
            EngineSnapshot s = engine.snapshot();
            assertEquals(1, s.issued());
            assertEquals(1, s.cacheHits());
            assertEquals(2, s.succeeded());
            assertEquals(s.requested(), s.issued() + s.cacheHits() + s.journalHits(), "one source per call: " + s);
            // Paid once, by A; B's call is a cache hit of B's, at no cost, as it would be had it started after A's.
            assertEquals(1, s.byRole().get(Role.A).calls());
            assertEquals(1, s.byRole().get(Role.B).calls());
            assertTrue(s.costUsd() > 0, "priced (gpt-4o-mini's list price): " + s);
            assertEquals(s.costUsd(), s.byRole().get(Role.A).costUsd(), 1e-15);
            assertEquals(0.0, s.byRole().get(Role.B).costUsd(), 0.0);
        }
    }
}
