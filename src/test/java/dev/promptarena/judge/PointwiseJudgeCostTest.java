package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.engine.CostModel;
import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;
import dev.promptarena.testing.ScriptedCalls;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A pointwise score costs every judge call it made, as the engine counts them: the first, answered call when its re-ask
 * failed, and what a failed call's attempts were billed without an answer (both used to be dropped: a failed score cost 0).
 */
class PointwiseJudgeCostTest {
    /** $1 per token, so a cost reads as a token count. */
    private static final CostModel PER_TOKEN = (model, usage) -> usage.inputTokens() + usage.outputTokens();

    private static PointwiseJudge.Score score(List<CompletableFuture<LlmResponse>> replies) {
        Deque<CompletableFuture<LlmResponse>> queue = new ArrayDeque<>(replies);
        ScriptedCalls calls = new ScriptedCalls(r -> queue.removeFirst());
        return new PointwiseJudge(PairJudgeTest.config(false), new PointwisePrompt(PairJudgeTest.RUBRIC), calls, PER_TOKEN)
                .score("t1", "Where is my parcel?", null, "It is on its way.").join();
    }

    private static CompletableFuture<LlmResponse> billedThenFailed(int tokens) {
        return CompletableFuture.failedFuture(new ProviderException(ProviderException.Kind.FATAL, 400, "bad request", null,
                new BilledUsage(new Usage(tokens, 0), "judge-model")));
    }

    @Test
    void aFailedReAskKeepsTheFirstCallsCostAndAddsWhatItWasBilled() {
        PointwiseJudge.Score s = score(List.of(ScriptedCalls.reply("no JSON here"), billedThenFailed(3)));
        assertEquals(JudgeStatus.FAILED, s.status());
        assertEquals(20 + 3, s.costUsd(), 0.0, "the first reply's 20 tokens and the re-ask's 3 billed ones");
    }

    @Test
    void aFailedFirstCallCostsWhatItsAttemptsWereBilled() {
        PointwiseJudge.Score s = score(List.of(billedThenFailed(4)));
        assertEquals(JudgeStatus.FAILED, s.status());
        assertEquals(4, s.costUsd(), 0.0);
    }
}
