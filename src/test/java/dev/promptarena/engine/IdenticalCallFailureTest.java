package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Price;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identical calls (two cases sending one request) against a provider that fails the request's first attempts, as many
 * as a call may make, and answers after: the first call fails after its retries. Before, the other call was then sent
 * itself and succeeded, so which case was FAILED depended on which asked first. Now every identical call of the run gets
 * the one failure, whether it waited for the first call (held in flight by a latch) or asked after it had failed, and
 * the request is sent and billed once; a resume asks it again and every case carries what the failure was billed.
 */
class IdenticalCallFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Price PRICE = new Price(1000, 1000); // $0.001 a token
    private static final int MAX_ATTEMPTS = 3;

    @TempDir Path tmp;
    private final HeldFirstRequest held = new HeldFirstRequest();
    private final FakeOpenAiServer server = held.server();

    @AfterEach
    void close() { held.close(); }

    /**
     * The first {@link #MAX_ATTEMPTS} requests are billed 20 + 5 tokens without an answer (a 200 with usage and no
     * choices), the first of them held until released; every later request is answered.
     */
    private void failTheFirstCallsAttempts() {
        held.script(n -> n > MAX_ATTEMPTS ? Reply.ok("answer") : BilledFailureCostTest.billedWithoutAnswer(20, 5));
    }

    private EngineFixture fixture(String name) {
        EngineFixture fx = new EngineFixture(server, tmp.resolve(name + "-cache"));
        fx.prices = Map.of("gpt-4o-mini", PRICE);
        fx.maxAttempts = MAX_ATTEMPTS;
        return fx;
    }

    private record Outcome(List<String> caseOutcomes, EngineSnapshot engine, int sent, List<String> journal) {}

    /** Both cases' calls (the first sent, the second asked while it is in flight or after it failed), and what they left. */
    private Outcome run(String name, boolean secondWhileFirstInFlight) throws Exception {
        failTheFirstCallsAttempts();
        int sentBefore = server.requests().size();
        Path runDir = tmp.resolve(name);
        List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
        EngineSnapshot snapshot;
        try (CallEngine engine = fixture(name).engine(runDir)) {
            calls.add(engine.call("fake", EngineFixture.request(1), Role.A));
            held.awaitFirstArrived();
            if (secondWhileFirstInFlight) {
                calls.add(engine.call("fake", EngineFixture.request(1), Role.A));
                assertFalse(calls.get(1).isDone(), "the second waits for the first");
                held.releaseFirst();
            } else {
                held.releaseFirst();
                assertThrows(CompletionException.class, calls.get(0)::join);
                calls.add(engine.call("fake", EngineFixture.request(1), Role.A));
            }
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<LlmResponse> call : calls) {
                CompletionException e = assertThrows(CompletionException.class, call::join, "every case of the request failed");
                ProviderException pe = assertInstanceOf(ProviderException.class, e.getCause());
                outcomes.add(pe.kind() + " " + pe.status() + " " + pe.getMessage() + " billed " + ProviderException.billedBy(pe));
            }
            snapshot = engine.snapshot();
            return new Outcome(outcomes, snapshot, server.requests().size() - sentBefore, journalWithoutTimes(runDir));
        }
    }

    private static List<String> journalWithoutTimes(Path runDir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve(CallEngine.JOURNAL))) {
            ObjectNode entry = (ObjectNode) JSON.readTree(line);
            entry.remove("atMillis");
            lines.add(entry.toString());
        }
        return lines;
    }

    @Test
    void everyIdenticalCallGetsTheFailureWhetherItWaitedOrCameAfterAndItIsSentAndBilledOnce() throws Exception {
        Outcome waited = run("waited", true);
        Outcome after = run("after", false);
        Usage billed = new Usage(MAX_ATTEMPTS * 20, MAX_ATTEMPTS * 5);
        double cost = MAX_ATTEMPTS * PRICE.cost(20, 5);
        for (Outcome o : List.of(waited, after)) {
            assertEquals(MAX_ATTEMPTS, o.sent(), "one call's attempts, nothing sent again");
            assertEquals(2, o.caseOutcomes().size());
            assertEquals(o.caseOutcomes().get(0), o.caseOutcomes().get(1), "both cases fail alike");
            assertTrue(o.caseOutcomes().get(0).contains("gave up after 3 attempts") && o.caseOutcomes().get(0).endsWith("billed " + billed),
                    "the true reason, and the case is priced as if it paid: " + o.caseOutcomes());
            EngineSnapshot s = o.engine();
            assertEquals(1, s.issued(), "sent once: " + s);
            assertEquals(0, s.cacheHits());
            assertEquals(2, s.failed(), "a failure per case");
            assertEquals(Map.of("TRANSIENT 200", 2L), s.failuresByReason());
            assertEquals(cost, s.costUsd(), 1e-12, "billed once: " + s);
            assertEquals(billed.inputTokens(), s.byRole().get(Role.A).inputTokens(), "the billed tokens counted once: " + s);
            assertEquals(2, o.journal().size(), String.join("\n", o.journal()));
            assertTrue(o.journal().get(0).contains("\"billed\""), "the sent call's line keeps what it was billed: " + o.journal());
            assertFalse(o.journal().get(1).contains("\"billed\""), "the shared failure's line was billed nothing: " + o.journal());
        }
        assertEquals(waited.caseOutcomes(), after.caseOutcomes(), "the same outcomes in either order");
        assertEquals(waited.journal(), after.journal(), "the same journal in either order");
        assertEquals(waited.engine().failuresByReason(), after.engine().failuresByReason());
    }

    /**
     * A resume asks the failed request again (once: the second case waits for it) and each case carries what the failed
     * call was billed, not only the one that asks first.
     */
    @Test
    void aResumeSendsTheFailedRequestOnceAndEveryCaseCarriesWhatTheFailureWasBilled() throws Exception {
        run("run", false);
        int sentBefore = server.requests().size();
        Usage failed = new Usage(MAX_ATTEMPTS * 20, MAX_ATTEMPTS * 5);
        try (CallEngine resumed = fixture("run").engine(tmp.resolve("run"))) {
            LlmResponse first = resumed.call("fake", EngineFixture.request(1), Role.A).join();
            LlmResponse second = resumed.call("fake", EngineFixture.request(1), Role.A).join();
            assertEquals("answer", first.text());
            assertEquals("answer", second.text());
            assertEquals(sentBefore + 1, server.requests().size(), "asked again once");
            assertEquals(failed, first.billedBefore());
            assertEquals(failed, second.billedBefore(), "the second case carries the failure's tokens too");
            EngineSnapshot s = resumed.snapshot();
            assertEquals(1, s.issued());
            assertEquals(1, s.cacheHits());
            assertEquals(MAX_ATTEMPTS * PRICE.cost(20, 5) + PRICE.cost(11, 7), s.costUsd(), 1e-12, "the failure's cost counted once: " + s);
        }
    }

    /**
     * A/A: B's identical request shares A's failure; on resume B, served A's answer, carries what A's failed call was
     * billed, as it carried A's failure's tokens in the run that failed.
     */
    @Test
    void theOtherRoleSharesTheFailureAndOnResumeCarriesItsBilling() throws Exception {
        failTheFirstCallsAttempts();
        held.releaseFirst();
        Path runDir = tmp.resolve("aa");
        Usage failed = new Usage(MAX_ATTEMPTS * 20, MAX_ATTEMPTS * 5);
        try (CallEngine engine = fixture("aa").engine(runDir)) {
            assertThrows(CompletionException.class, () -> engine.call("fake", EngineFixture.request(1), Role.A).join());
            CompletionException e = assertThrows(CompletionException.class, () -> engine.call("fake", EngineFixture.request(1), Role.B).join());
            assertEquals(failed, ProviderException.billedBy(e.getCause()));
            assertEquals(MAX_ATTEMPTS, server.requests().size());
            assertEquals(0.0, engine.snapshot().byRole().get(Role.B).costUsd(), 0.0, "B paid nothing");
        }
        try (CallEngine resumed = fixture("aa").engine(runDir)) {
            assertEquals(failed, resumed.call("fake", EngineFixture.request(1), Role.A).join().billedBefore());
            assertEquals(failed, resumed.call("fake", EngineFixture.request(1), Role.B).join().billedBefore());
            assertEquals(MAX_ATTEMPTS + 1, server.requests().size());
        }
    }
}
