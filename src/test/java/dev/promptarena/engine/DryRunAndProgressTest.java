package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.llm.Price;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.TokenCounter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DryRunAndProgressTest {
    private static LlmRequest req(String model, String user) {
        return new LlmRequest(model, null, List.of(ChatMessage.user(user)), new Decoding(null, null, 200, null), null, 0);
    }

    @Test
    void usesTheRealTokenizerForOpenAiModelsAndSaysSoOtherwise() {
        // tiktoken o200k_base: "hello world" is 2 tokens
        assertEquals(new TokenCounter.Count(2, "jtokkit:o200k_base"), TokenCounter.estimate("gpt-4o-mini-2024-07-18", "hello world"));
        assertEquals("jtokkit:cl100k_base", TokenCounter.method("gpt-4-turbo"));
        assertEquals(new TokenCounter.Count(3, "chars/4"), TokenCounter.estimate("claude-sonnet-4", "hello world"));
    }

    @Test
    void estimatesCallsTokensAndCost() {
        DryRunEstimator est = new DryRunEstimator(Map.of("llama3", new Price(1, 2)));
        DryRunEstimate e = est.estimate(List.of(
                new PlannedCall(Role.A, req("gpt-4o-mini", "hello world")),
                new PlannedCall(Role.B, req("llama3", "hello world")),
                new PlannedCall(Role.JUDGE, req("mystery", "hello world"), 400)));
        assertEquals(3, e.calls());
        // gpt-4o-mini: 3 priming + 3 framing + 2 tokens; llama3 and mystery: 3 + 3 + 3 (chars/4), judge + 400
        assertEquals(8 + 9 + 409, e.inputTokens());
        assertEquals(600, e.maxOutputTokens());
        double expected = (8 * 0.15 + 200 * 0.60 + 9 * 1 + 200 * 2) / 1e6;
        assertEquals(expected, e.maxCostUsd(), 1e-12);
        assertEquals(Map.of("gpt-4o-mini", "jtokkit:o200k_base", "llama3", "chars/4", "mystery", "chars/4"), e.methodByModel());
        assertTrue(e.describe().contains("no price for: mystery"), e.describe());
    }

    @Test
    void progressLineShowsCountsRateCostAndEta() {
        AtomicLong now = new AtomicLong(0);
        EngineSnapshot s = new EngineSnapshot(30, 30, 33, 3, 0, 0, 29, 1, Map.of("TRANSIENT", 1L), Map.of(), 0.0123, 0, false, java.util.Set.of(), 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(Progress.Mode.LINES, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> s, now::get);
        p.start(100);
        for (int i = 0; i < 10; i++) p.caseDone();
        now.set(10_000_000_000L);
        String line = p.render();
        assertTrue(line.contains("10/100 cases"), line);
        assertTrue(line.contains("3.0 calls/s"), line);
        assertTrue(line.contains("retries 3") && line.contains("errors 1") && line.contains("$0.0123"), line);
        assertTrue(line.contains("ETA 1m30s"), line);
        p.close();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("10/100 cases"));
        Progress quiet = new Progress(Progress.Mode.QUIET, new PrintStream(bytes), () -> s, now::get);
        quiet.start(1);
        quiet.close();
    }

    @Test
    void progressLineSaysHowManyOfTheErrorsAreFailedJudgeCalls() {
        EngineSnapshot s = new EngineSnapshot(30, 30, 33, 3, 0, 0, 28, 2, Map.of("TRANSIENT 500", 2L), Map.of(), 0.0123, 0, false,
                java.util.Set.of(), 0, Map.of("TRANSIENT 500", 1L));
        Progress p = new Progress(Progress.Mode.LINES, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> s, () -> 1L);
        p.start(10);
        String line = p.render();
        assertTrue(line.contains("errors 2 (judge 1)"), line);
        p.close();
    }
}
