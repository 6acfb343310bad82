package dev.promptarena.judge;

import dev.promptarena.stats.OrderBiasAnalysis;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The model-free judge ({@code judge: {type: reference}}): turns rubric checks and similarity into a
 * pairwise verdict, so the win rate, its interval and the gate work exactly as with an LLM judge.
 * <p>Rule (pre-registered by the rubric and {@code margin}): each side scores the number of checks it
 * passed, plus its cosine similarity to the reference when both sides have one. B wins when its score
 * exceeds A's by more than {@code margin}, A wins likewise, otherwise it is a tie. A check that did not
 * apply to a side (similarity without a reference) counts for neither.
 * <p>Its traces have judge id {@value OrderBiasAnalysis#REFERENCE_JUDGE}, status ok, {@code bFirst}
 * false (no order is presented) and a reason naming the checks that differed; the analysis reports
 * order bias as not applicable for it.
 */
public final class ReferenceJudge implements PairJudging {
    private final double margin;

    /** @param margin score difference that still counts as a tie (>= 0) */
    public ReferenceJudge(double margin) {
        if (!(margin >= 0)) throw new IllegalArgumentException("margin must be >= 0, got: " + margin);
        this.margin = margin;
    }

    @Override
    public CompletableFuture<List<JudgeTrace>> judge(String caseId, int repeat, PairJudge.Material material, Side a, Side b) {
        return CompletableFuture.completedFuture(List.of(verdict(a, b)));
    }

    /** The verdict on one pair (pure; exposed for tests). */
    public JudgeTrace verdict(Side a, Side b) {
        boolean bothSimilar = a.similarity() != null && b.similarity() != null;
        double scoreA = score(a, bothSimilar), scoreB = score(b, bothSimilar);
        double diff = scoreB - scoreA;
        Winner w = diff > margin ? Winner.B : -diff > margin ? Winner.A : Winner.TIE;
        return new JudgeTrace(OrderBiasAnalysis.REFERENCE_JUDGE, 0, false, JudgeStatus.OK, w, Map.of(), Map.of(),
                reason(a, b, scoreA, scoreB, bothSimilar), "", false, null, 0, false);
    }

    private static double score(Side s, boolean withSimilarity) {
        double passed = s.checks().values().stream().filter(Boolean::booleanValue).count();
        return withSimilarity ? passed + s.similarity() : passed;
    }

    private String reason(Side a, Side b, double scoreA, double scoreB, boolean bothSimilar) {
        List<String> onlyA = new ArrayList<>(), onlyB = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : a.checks().entrySet()) {
            Boolean other = b.checks().get(e.getKey());
            if (other == null || other.equals(e.getValue())) continue;
            (e.getValue() ? onlyA : onlyB).add(e.getKey());
        }
        StringBuilder sb = new StringBuilder();
        if (!onlyA.isEmpty()) sb.append("only A passed ").append(String.join(", ", onlyA)).append("; ");
        if (!onlyB.isEmpty()) sb.append("only B passed ").append(String.join(", ", onlyB)).append("; ");
        if (onlyA.isEmpty() && onlyB.isEmpty()) sb.append("no check differed; ");
        if (bothSimilar) sb.append(String.format(Locale.ROOT, "similarity A %.4f, B %.4f; ", a.similarity(), b.similarity()));
        return sb.append(String.format(Locale.ROOT, "score A %.4f, B %.4f, margin %.4f", scoreA, scoreB, margin)).toString();
    }
}
