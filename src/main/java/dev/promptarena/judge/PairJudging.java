package dev.promptarena.judge;

import dev.promptarena.stats.Side;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the runner asks once both sides of a pair exist (with their check results): a verdict as
 * judge traces. An LLM judge reads the outputs; the {@link ReferenceJudge} reads the check results.
 */
@FunctionalInterface
public interface PairJudging {
    /** Judges one pair; must never complete exceptionally (a failure is a trace). */
    CompletableFuture<List<JudgeTrace>> judge(String caseId, int repeat, PairJudge.Material material, Side a, Side b);

    /** The LLM judge: it reads the two outputs. */
    static PairJudging llm(PairJudge judge) {
        return (caseId, repeat, m, a, b) -> judge.judge(caseId, repeat, m, a.output(), b.output());
    }
}
