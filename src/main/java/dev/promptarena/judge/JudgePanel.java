package dev.promptarena.judge;

import dev.promptarena.stats.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every configured judge judges every pair. A single {@code judge:} is a panel of one. The traces
 * of all judges are recorded side by side (each names its judge id); {@code stats.VerdictCombiner}
 * takes the per-judge majority and then the majority across judges.
 */
public final class JudgePanel implements PairJudging {
    private final List<PairJudge> judges;

    public JudgePanel(List<PairJudge> judges) {
        if (judges.isEmpty()) throw new IllegalArgumentException("a panel needs at least one judge");
        this.judges = List.copyOf(judges);
    }

    /** A panel of one. */
    public static JudgePanel of(PairJudge judge) { return new JudgePanel(List.of(judge)); }

    /** Asks every judge concurrently; never completes exceptionally (failed calls are traces). */
    @Override
    public CompletableFuture<List<JudgeTrace>> judge(String caseId, int repeat, PairJudge.Material m, Side a, Side b) {
        List<CompletableFuture<List<JudgeTrace>>> futures = new ArrayList<>();
        for (PairJudge j : judges) futures.add(j.judge(caseId, repeat, m, a.output(), b.output()));
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<JudgeTrace> all = new ArrayList<>();
            for (CompletableFuture<List<JudgeTrace>> f : futures) all.addAll(f.join());
            return all;
        });
    }

    public List<PairJudge> judges() { return judges; }
}
