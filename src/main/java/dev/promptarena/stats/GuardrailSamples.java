package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, List<CaseOutcome>> all = new LinkedHashMap<>(), paired = new LinkedHashMap<>();
        for (JudgedOutcome j : judged) {
            all.computeIfAbsent(j.outcome().caseId(), k -> new ArrayList<>()).add(j.outcome());
            if (j.verdict() != Verdict.ERROR) paired.computeIfAbsent(j.outcome().caseId(), k -> new ArrayList<>()).add(j.outcome());
        }
        List<Double> sim = new ArrayList<>();
        double[] cost = new double[all.size()];
        int c = 0;
        for (List<CaseOutcome> os : all.values()) {
            double sa = 0, sb = 0, cost0 = 0;
            int ns = 0;
            for (CaseOutcome o : os) {
                cost0 += o.b().costUsd() - o.a().costUsd();
                if (o.a().error() || o.b().error() || o.a().similarity() == null || o.b().similarity() == null) continue;
                sa += o.a().similarity();
                sb += o.b().similarity();
                ns++;
            }
            cost[c++] = cost0 / os.size();
            if (ns > 0) sim.add((sa - sb) / ns);
        }
        int k = paired.size(), truncated = 0, n = 0;
        double[][] latA = new double[k][], latB = new double[k][];
        double[] wA = new double[k], wB = new double[k], truncCase = new double[k], pairedCase = new double[k];
        int i = 0;
        for (List<CaseOutcome> os : paired.values()) {
            latA[i] = os.stream().mapToDouble(o -> o.a().latencyMillis()).toArray();
            latB[i] = os.stream().mapToDouble(o -> o.b().latencyMillis()).toArray();
            for (CaseOutcome o : os) {
                wA[i] += o.a().words();
                wB[i] += o.b().words();
                truncated += o.b().truncated() ? 1 : 0;
                truncCase[i] += o.b().truncated() ? 1 : 0;
                pairedCase[i]++;
                n++;
            }
            i++;
        }
        return new GuardrailSamples(AxisAnalysis.drops(judged, axisNames), sim.stream().mapToDouble(Double::doubleValue).toArray(), cost,
                latA, latB, wA, wB, truncated, n, truncCase, pairedCase, seed, resamples);
    }
}
