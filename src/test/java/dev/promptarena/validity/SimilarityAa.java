package dev.promptarena.validity;

import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.decision.Guardrails;
import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.OperationalMetrics;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code similarity_drop_max} under A/A and under a real drop, decided by the same guardrail code the pipeline uses
 * ({@link Guardrails#evaluate} on per-case similarities). Not through {@link OpsArena}: similarity needs the
 * embeddings module, which the test build does not have. Per case, A's and B's similarities to the reference are
 * independent draws of 0.6 + 0.3·Beta-like noise (mean of two uniforms), with B lowered by {@code drop}.
 */
final class SimilarityAa {
    private SimilarityAa() {}

    /** The guardrail {@code similarity_drop_max: 0} (harm_proven, γ = 0.025) on one simulated run of {@code n} cases. */
    static GuardrailResult run(int n, double drop, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] d = new double[n];
        double sumA = 0, sumB = 0;
        for (int i = 0; i < n; i++) {
            double a = 0.6 + 0.15 * (rng.nextDouble() + rng.nextDouble());
            double b = 0.6 + 0.15 * (rng.nextDouble() + rng.nextDouble()) - drop;
            d[i] = a - b;
            sumA += a;
            sumB += b;
        }
        SimilaritySummary summary = new SimilaritySummary(n, sumA / n, sumB / n, (sumB - sumA) / n, -1, 1, 0.5, 0.95);
        GuardrailSamples samples = new GuardrailSamples(Map.of(), d, new double[0], new double[0][], new double[0][], new double[0],
                new double[0], 0, 0, new double[0], new double[0], seed, 2000);
        OperationalMetrics none = new OperationalMetrics(Evidence.PRIMARY, n, 0, 0.0, n, 0, 0.0, 0, null, null, null, null, null, null,
                0, null, null, null, null, null, null, null);
        return Guardrails.evaluate(List.of(new GuardrailSpec(GuardrailSpec.SIMILARITY_DROP, 0.0)), none, List.of(), summary, samples, 0.025)
                .get(0);
    }
}
