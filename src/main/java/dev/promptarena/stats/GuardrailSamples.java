package dev.promptarena.stats;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-case data the guardrails' one-sided intervals are computed from, cases as units (repeats of a case are
 * averaged, or kept together as a cluster), so repeats do not pose as independent evidence.
 *
 * @param axisDrops       per rubric axis, per case: mean score of A − mean score of B
 * @param similarityDrops per case: mean similarity of A to the reference − of B (pairs where both have one)
 * @param costIncreases   per case: mean generation cost of B − of A (every outcome: failed calls may be billed)
 * @param latencyA        per case, A's latency (ms) on each outcome where both generated
 * @param latencyB        same for B, paired with {@code latencyA}
 * @param wordsA          per case, A's words summed over the outcomes where both generated
 * @param wordsB          same for B
 * @param truncatedB      outcomes where both generated and B was cut at the token limit
 * @param paired          outcomes where both generated
 * @param truncatedPerCase per case (same order as {@code wordsA}), B's truncated outputs among them
 * @param pairedPerCase   per case, its outcomes where both generated (more than 1 with repeats)
 * @param seed            seed of the guardrails' bootstraps (latency, length growth)
 * @param resamples       bootstrap resamples
 */
public record GuardrailSamples(Map<String, double[]> axisDrops, double[] similarityDrops, double[] costIncreases,
                               double[][] latencyA, double[][] latencyB, double[] wordsA, double[] wordsB, int truncatedB,
                               int paired, double[] truncatedPerCase, double[] pairedPerCase, long seed, int resamples) {
    public GuardrailSamples {
        Objects.requireNonNull(axisDrops, "axisDrops");
        if (latencyA.length != latencyB.length || wordsA.length != wordsB.length) throw new IllegalArgumentException("A and B must be paired by case");
        if (truncatedPerCase.length != pairedPerCase.length) throw new IllegalArgumentException("truncation counts must be per case");
        if (truncatedB < 0 || truncatedB > paired) throw new IllegalArgumentException("truncatedB must be in [0, " + paired + "], got: " + truncatedB);
    }

    /** Only the axis drops (callers that predate the other intervals): the other guardrails then have no data. */
    public static GuardrailSamples ofAxisDrops(Map<String, double[]> axisDrops) {
        return new GuardrailSamples(axisDrops, new double[0], new double[0], new double[0][], new double[0][], new double[0], new double[0],
                0, 0, new double[0], new double[0], 0, ClusterBootstrap.MIN_RESAMPLES);
    }

    /** Collects the samples from the judged outcomes, per case in order of first appearance. */
    public static GuardrailSamples of(List<JudgedOutcome> judged, List<String> axisNames, long seed, int resamples) {
        // Cases as numbers and per-case sums in arrays (no list of outcomes per case): the outcomes are read in their
        // order, so every sum adds the same terms in the same order as per-case lists did.
        CaseNumbers all = CaseNumbers.of(judged);
        CaseNumbers paired = all.among(i -> WinRateAnalysis.verdict(judged, i) != Verdict.ERROR);
        int cases = all.count(), k = paired.count(), truncated = 0, n = 0;
        double[] cost = new double[cases], simA = new double[cases], simB = new double[cases];
        int[] rows = new int[cases], simRows = new int[cases];
        double[] wA = new double[k], wB = new double[k], truncCase = new double[k], pairedCase = new double[k];
        for (int i = 0; i < judged.size(); i++) {
            CaseOutcome o = judged.get(i).outcome();
            int c = all.row()[i], p = paired.row()[i];
            cost[c] += o.b().costUsd() - o.a().costUsd();
            rows[c]++;
            if (!(o.a().error() || o.b().error() || o.a().similarity() == null || o.b().similarity() == null)) {
                simA[c] += o.a().similarity();
                simB[c] += o.b().similarity();
                simRows[c]++;
            }
            if (p < 0) continue;
            wA[p] += o.a().words();
            wB[p] += o.b().words();
            truncated += o.b().truncated() ? 1 : 0;
            truncCase[p] += o.b().truncated() ? 1 : 0;
            pairedCase[p]++;
            n++;
        }
        double[] sim = new double[(int) java.util.Arrays.stream(simRows).filter(r -> r > 0).count()];
        for (int c = 0, s = 0; c < cases; c++) {
            cost[c] /= rows[c];
            if (simRows[c] > 0) sim[s++] = (simA[c] - simB[c]) / simRows[c];
        }
        double[][] latA = new double[k][], latB = new double[k][];
        for (int p = 0; p < k; p++) {
            latA[p] = new double[(int) pairedCase[p]];
            latB[p] = new double[(int) pairedCase[p]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < judged.size(); i++) {
            int p = paired.row()[i];
            if (p < 0) continue;
            CaseOutcome o = judged.get(i).outcome();
            latA[p][filled[p]] = o.a().latencyMillis();
            latB[p][filled[p]++] = o.b().latencyMillis();
        }
        return new GuardrailSamples(AxisAnalysis.drops(judged, axisNames), sim, cost,
                latA, latB, wA, wB, truncated, n, truncCase, pairedCase, seed, resamples);
    }
}
