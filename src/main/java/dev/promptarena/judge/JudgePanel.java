package dev.promptarena.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every configured judge judges every pair. A single {@code judge:} is a panel of one. The traces
 * of all judges are recorded side by side (each names its judge id); {@code stats.VerdictCombiner}
 * takes the per-judge majority and then the majority across judges.
 */
public final class JudgePanel {
    private final List<PairJudge> judges;

    public JudgePanel(List<PairJudge> judges) {
        if (judges.isEmpty()) throw new IllegalArgumentException("a panel needs at least one judge");
        this.judges = List.copyOf(judges);
    }

    /** A panel of one. */
    public static JudgePanel of(PairJudge judge) { return new JudgePanel(List.of(judge)); }

    /** Asks every judge concurrently; never completes exceptionally (failed calls are traces). */
    public CompletableFuture<List<JudgeTrace>> judge(String caseId, int repeat, PairJudge.Material m, String outA, String outB) {
        List<CompletableFuture<List<JudgeTrace>>> futures = new ArrayList<>();
        for (PairJudge j : judges) futures.add(j.judge(caseId, repeat, m, outA, outB));
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<JudgeTrace> all = new ArrayList<>();
            for (CompletableFuture<List<JudgeTrace>> f : futures) all.addAll(f.join());
            return all;
        });
    }

    public List<PairJudge> judges() { return judges; }
}
