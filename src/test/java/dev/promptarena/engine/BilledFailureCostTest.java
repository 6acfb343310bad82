package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.Price;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.TokenCounter;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 whose JSON parses but has no answer (no choices) and does carry usage was billed by the provider: the retry is
 * billed again, so both count as spend, in the engine's cost, the journal (a resume counts it once) and the budget.
 */
class BilledFailureCostTest {
    private static final Price PRICE = new Price(1000, 1000); // $0.001 a token
    @TempDir Path tmp;
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void close() { server.close(); }

    /** A 200 with usage but no choices: the codec cannot decode it, the provider billed it. */
    static Reply billedWithoutAnswer(long in, long out) {
        return new Reply("billed", 200, Map.of(), "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":" + in + ",\"completion_tokens\":" + out + "}}", 0);
    }

    private EngineFixture fixture() {
        EngineFixture fx = new EngineFixture(server, null);
        fx.prices = Map.of("gpt-4o-mini", PRICE);
        return fx;
    }

    @Test
    void aBilledFailedAttemptThenAnAnswerCostsBothAttempts() {
        server.enqueue(billedWithoutAnswer(20, 5), Reply.ok()); // then 11 in + 7 out
        EngineFixture fx = fixture();
        Path run = tmp.resolve("run");
        double both = PRICE.cost(20, 5) + PRICE.cost(11, 7);
        try (CallEngine engine = fx.engine(run)) {
            engine.call("fake", EngineFixture.request(1), Role.A).join();
            EngineSnapshot s = engine.snapshot();
            assertEquals(2, server.requests().size());
            assertEquals(both, s.costUsd(), 1e-12, "both attempts priced: " + s);
            assertEquals(both, s.byRole().get(Role.A).costUsd(), 1e-12);
            assertEquals(20 + 11, s.byRole().get(Role.A).inputTokens(), "the billed attempt's tokens count too");
            assertEquals(1, s.succeeded());
            assertEquals(1, s.retries());
        }
        // A resumed run counts the spend once, from the journal line, and serves the answer without a request.
        try (CallEngine resumed = fx.engine(run)) {
            resumed.call("fake", EngineFixture.request(1), Role.A).join();
            EngineSnapshot s = resumed.snapshot();
            assertEquals(both, s.costUsd(), 1e-12, s.toString());
            assertEquals(1, s.journalHits());
            assertEquals(2, server.requests().size());
        }
    }

    @Test
    void aFailedCallWhoseAttemptsWereBilledIsAFailureWithItsSpendCountedOnceOnResume() {
        server.fallback(r -> billedWithoutAnswer(20, 5));
        EngineFixture fx = fixture();
        fx.maxAttempts = 3;
        Path run = tmp.resolve("run");
        double three = 3 * PRICE.cost(20, 5);
        try (CallEngine engine = fx.engine(run)) {
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> engine.call("fake", EngineFixture.request(1), Role.JUDGE).join());
            ProviderException pe = assertInstanceOf(ProviderException.class, e.getCause());
            assertTrue(pe.getMessage().contains("no choices[0].message") && pe.getMessage().contains("gave up after 3 attempts"), pe.getMessage());
            EngineSnapshot s = engine.snapshot();
            assertEquals(1, s.failed());
            assertEquals(Map.of("TRANSIENT 200", 1L), s.failuresByReason());
            assertEquals(three, s.costUsd(), 1e-12, s.toString());
            assertEquals(three, s.byRole().get(Role.JUDGE).costUsd(), 1e-12);
        }
        server.fallback(r -> Reply.ok());
        try (CallEngine resumed = fx.engine(run)) {
            assertEquals(three, resumed.snapshot().costUsd(), 1e-12, "the failed call's spend, counted once at open");
            LlmResponse answer = resumed.call("fake", EngineFixture.request(1), Role.JUDGE).join(); // a failure is asked again on resume
            assertEquals(three + PRICE.cost(11, 7), resumed.snapshot().costUsd(), 1e-12);
            // The caller (the case) is told what the slot's failed call was billed, as the uninterrupted run's case was.
            assertEquals(new Usage(60, 15), answer.billedBefore(), "the earlier failure's tokens go with the answer to its case");
            RoleUsage judge = resumed.snapshot().byRole().get(Role.JUDGE);
            assertEquals(new Usage(11 + 60, 7 + 15), new Usage(judge.inputTokens(), judge.outputTokens()),
                    "engine.json counted them once, at open, not again with the answer: " + judge);
        }
        try (CallEngine again = fx.engine(run)) {
            LlmResponse served = again.call("fake", EngineFixture.request(1), Role.JUDGE).join();
            assertEquals(new Usage(60, 15), served.billedBefore(), "a later resume serves the answer with them too");
            assertEquals(new Usage(11 + 60, 7 + 15), new Usage(again.snapshot().byRole().get(Role.JUDGE).inputTokens(),
                    again.snapshot().byRole().get(Role.JUDGE).outputTokens()), "and counts them once: " + again.snapshot());
            assertEquals(three + PRICE.cost(11, 7), again.snapshot().costUsd(), 1e-12);
        }
    }

    /**
     * A failed call's journal line keeps the tokens its attempts were billed (it kept only their cost), so a resumed
     * run's engine.json counts them, as the uninterrupted run did: before, the resumed JUDGE tokens were 0 here.
     */
    @Test
    void aFailedCallsBilledTokensAreCountedOnResumeAsTheyWereWhenPaid() {
        server.fallback(r -> billedWithoutAnswer(20, 5));
        EngineFixture fx = fixture();
        fx.maxAttempts = 3;
        Path run = tmp.resolve("run");
        RoleUsage cold;
        try (CallEngine engine = fx.engine(run)) {
            org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> engine.call("fake", EngineFixture.request(1), Role.JUDGE).join());
            cold = engine.snapshot().byRole().get(Role.JUDGE);
            assertEquals(3 * 20, cold.inputTokens(), cold.toString());
            assertEquals(3 * 5, cold.outputTokens());
        }
        try (CallEngine resumed = fx.engine(run)) {
            RoleUsage opened = resumed.snapshot().byRole().get(Role.JUDGE);
            assertEquals(cold.inputTokens(), opened.inputTokens(), "the failed call's billed tokens, counted once at open: " + opened);
            assertEquals(cold.outputTokens(), opened.outputTokens());
            assertEquals(cold.costUsd(), opened.costUsd(), 1e-12);
        }
        // Opened again: still once, not once per session.
        try (CallEngine again = fx.engine(run)) {
            assertEquals(cold.inputTokens(), again.snapshot().byRole().get(Role.JUDGE).inputTokens());
        }
    }

    @Test
    void theCapHoldsWhenAnAttemptIsBilledWithoutAnAnswer() {
        LlmRequest request = EngineFixture.request(1);
        long worstIn = TokenCounter.worstInput(request), cap = TokenCounter.outputCap(request);
        // Every reply is billed at the call's worst case and has no answer; the cap covers exactly one worst case.
        server.fallback(r -> billedWithoutAnswer(worstIn, cap));
        EngineFixture fx = fixture();
        fx.maxAttempts = 3;
        double worst = PRICE.cost(worstIn, cap);
        fx.maxCost = worst;
        try (CallEngine engine = fx.engine(tmp.resolve("run"))) {
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> engine.call("fake", request, Role.A).join());
            // What the provider billed: every request it answered, each at the worst case. Before, the retries went out
            // unaccounted: three requests, three times the cap.
            double billed = server.requests().size() * worst;
            assertTrue(billed <= fx.maxCost + 1e-12, "billed " + billed + " over the cap " + fx.maxCost);
            assertTrue(e.getCause().getMessage().contains("not retried: max_cost_usd cannot cover another attempt"), e.getCause().getMessage());
            EngineSnapshot s = engine.snapshot();
            assertEquals(1, server.requests().size());
            assertEquals(worst, s.costUsd(), 1e-12, s.toString());
            assertTrue(s.budgetExhausted());
            assertEquals(1, s.failed());
        }
    }
}
