package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.config.JudgeConfig;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.rubric.Axis;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.stats.Winner;
import dev.promptarena.testing.ScriptedCalls;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Malformed, truncated, refusing and failing judge replies, through a scripted {@link Calls}. */
class PairJudgeTest {
    static final Rubric RUBRIC = new Rubric("r", "", List.of(new Axis("Clarity", "clear?", Map.of(1, "bad", 3, "ok", 5, "great"), 1)), "sha");
    static final String VALID_A = "{\"winner\": \"A\", \"scores\": {\"A\": {\"Clarity\": 5}, \"B\": {\"Clarity\": 2}}, \"reason\": \"A is clearer.\"}";
    private static final PairJudge.Material MATERIAL = new PairJudge.Material("Where is my parcel?", null, null);

    static JudgeConfig config(boolean structured) {
        return new JudgeConfig("j1", "p", "judge-model", JudgeConfig.Order.RANDOM, 1, new Decoding(0.0, null, 64, null), null, 1, structured);
    }

    /** Replies from the queue in order; the calls are recorded. */
    private static ScriptedCalls replies(List<CompletableFuture<LlmResponse>> replies) {
        Deque<CompletableFuture<LlmResponse>> queue = new ArrayDeque<>(replies);
        return new ScriptedCalls(r -> queue.removeFirst());
    }

    private static JudgeTrace judgeOnce(ScriptedCalls calls, boolean structured) {
        PairJudge judge = new PairJudge(config(structured), new JudgePrompt(RUBRIC, null), calls, CostModel.FREE);
        List<JudgeTrace> traces = judge.judge("case-1", 0, MATERIAL, "output of A", "output of B").join();
        assertEquals(1, traces.size());
        return traces.get(0);
    }

    @Test
    void aReadableReplyIsMappedBackFromPresentedPositionsToVariants() {
        ScriptedCalls calls = replies(List.of(ScriptedCalls.reply("```json\n" + VALID_A + "\n```")));
        JudgeTrace t = judgeOnce(calls, true);
        boolean bFirst = new OrderAssigner(1).bFirst("case-1", 0);
        assertEquals(JudgeStatus.OK, t.status());
        assertEquals(bFirst ? Winner.B : Winner.A, t.winner(), "presented A is variant B when B was shown first");
        assertEquals(bFirst, t.bFirst());
        assertEquals("j1", t.judge(), "traces carry the judge id");
        assertEquals(5, (bFirst ? t.scoresB() : t.scoresA()).get("Clarity"));
        assertEquals(1, calls.recorded().size());
    }

    @Test
    void aMalformedReplyIsReaskedOnceWithARepairInstruction() {
        ScriptedCalls calls = replies(List.of(ScriptedCalls.reply("Both are fine but the first is a bit better."),
                ScriptedCalls.reply(VALID_A)));
        JudgeTrace t = judgeOnce(calls, true);
        assertEquals(JudgeStatus.OK, t.status());
        assertTrue(t.repaired());
        var reask = calls.recorded().get(1).request().messages();
        assertEquals(3, reask.size(), "original prompt, the judge's unreadable reply, the repair instruction");
        assertEquals("assistant", reask.get(1).role());
        assertEquals("Both are fine but the first is a bit better.", reask.get(1).content());
        assertTrue(reask.get(2).content().startsWith("Your reply could not be read"), reask.get(2).content());
    }

    @Test
    void twoMalformedRepliesAreRecordedAsUnparseableNeverScored() {
        ScriptedCalls calls = replies(List.of(ScriptedCalls.reply("{\"winner\": \"C+\"}"), ScriptedCalls.reply("Response one, I guess.")));
        JudgeTrace t = judgeOnce(calls, true);
        assertEquals(JudgeStatus.UNPARSEABLE, t.status());
        assertEquals(Winner.UNPARSEABLE, t.winner());
        assertTrue(t.error().startsWith("unreadable twice"), t.error());
        assertEquals("Response one, I guess.", t.rawReply());
        assertEquals(2, calls.recorded().size(), "exactly one re-ask");
    }

    @Test
    void aTruncatedReplyIsFlaggedAndTheReaskSaysWhy() {
        String cut = "{\"winner\": \"B\", \"scores\": {\"A\": {\"Clarity\": 3}, \"B\": {\"Clar";
        ScriptedCalls calls = replies(List.of(ScriptedCalls.reply(cut, "length"), ScriptedCalls.reply(cut, "length")));
        JudgeTrace t = judgeOnce(calls, true);
        assertEquals(JudgeStatus.UNPARSEABLE, t.status());
        assertTrue(t.truncated(), "the cut-off reply is flagged on the trace");
        assertTrue(t.toVote().truncated(), "and reaches the statistics");
        assertTrue(calls.recorded().get(1).request().lastUserText().contains("cut off at your token limit"));
    }

    @Test
    void aTruncatedButReadableVerdictIsKeptAndFlagged() {
        // The verdict JSON is complete; only trailing prose was cut.
        ScriptedCalls calls = replies(List.of(ScriptedCalls.reply(VALID_A + "\nTo elaborate, the first response", "length")));
        JudgeTrace t = judgeOnce(calls, true);
        assertEquals(JudgeStatus.OK, t.status());
        assertTrue(t.truncated());
    }

    @Test
    void aRefusalIsReaskedThenRecordedAsUnparseable() {
        String refusal = "I'm sorry, but I can't help with evaluating these responses.";
        ScriptedCalls calls = replies(List.of(ScriptedCalls.reply(refusal, "refusal"), ScriptedCalls.reply(refusal, "refusal")));
        JudgeTrace t = judgeOnce(calls, true);
        assertEquals(JudgeStatus.UNPARSEABLE, t.status());
        assertEquals(Winner.UNPARSEABLE, t.winner());
        assertFalse(t.repaired());
        assertTrue(t.error().startsWith("the judge refused twice"), t.error());
    }

    @Test
    void aFailedCallIsATraceNotAnException() {
        ScriptedCalls calls = new ScriptedCalls(r -> CompletableFuture.failedFuture(new ProviderException(ProviderException.Kind.FATAL, 400, "bad request", null)));
        JudgeTrace t = judgeOnce(calls, true);
        assertEquals(JudgeStatus.FAILED, t.status());
        assertTrue(t.error().contains("bad request"), t.error());
    }

    @Test
    void structuredSwitchDecidesWhetherTheSchemaIsSent() {
        ScriptedCalls on = replies(List.of(ScriptedCalls.reply(VALID_A)));
        judgeOnce(on, true);
        assertNotNull(on.recorded().get(0).request().responseSchema());
        assertEquals(Calls.Role.JUDGE, on.recorded().get(0).role());
        ScriptedCalls off = replies(List.of(ScriptedCalls.reply(VALID_A)));
        JudgeTrace t = judgeOnce(off, false);
        assertNull(off.recorded().get(0).request().responseSchema(), "structured: false sends no response_format");
        assertEquals(JudgeStatus.OK, t.status(), "the prompt's reply contract and the lenient parser still work");
    }

    @Test
    void samplesAreDistinctRequestsInBothOrders() {
        JudgeConfig both = new JudgeConfig("j1", "p", "m", JudgeConfig.Order.BOTH, 1, Decoding.UNSET, null, 3, true);
        ScriptedCalls calls = new ScriptedCalls(r -> ScriptedCalls.reply(VALID_A));
        List<JudgeTrace> traces = new PairJudge(both, new JudgePrompt(RUBRIC, null), calls, CostModel.FREE)
                .judge("c", 0, MATERIAL, "a", "b").join();
        assertEquals(6, traces.size(), "3 samples x 2 orders");
        assertEquals(List.of(0, 1, 2, 0, 1, 2), calls.recorded().stream().map(r -> r.request().sample()).toList(),
                "the sample index is part of the request, so caches keep the samples apart");
        assertEquals(3, traces.stream().filter(JudgeTrace::bFirst).count());
    }
}
