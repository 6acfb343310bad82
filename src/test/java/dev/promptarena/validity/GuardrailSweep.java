package dev.promptarena.validity;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.GuardrailResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The guardrails' sweep for bench/validity.sh: {@code seeds} runs of {@link OpsArena} per variant (A/A and harm),
 * each guardrail in harm_proven mode at γ = 0.025 with its limit at the A/A truth, printing per guardrail the share
 * of runs it breached (under A/A: its false-alarm rate; under harm: its power) and what the point estimate
 * (observed &gt; limit) would have done. Usage: {@code GuardrailSweep SEEDS WORKDIR}.
 */
public final class GuardrailSweep {
    /** Cases per run. */
    public static final int CASES = 200;

    /** Per guardrail key: {runs, interval breaches, point-estimate breaches, sum of observed}. */
    static Map<String, double[]> measure(OpsArena arena, OpsArena.Variant variant, long firstSeed, int seeds) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (long s = firstSeed; s < firstSeed + seeds; s++) {
            AnalysisResult a = arena.run(variant, OpsArena.AA_GUARDRAILS, s);
            for (GuardrailResult g : a.decision().guardrails()) {
                double[] r = out.computeIfAbsent(g.metric(), k -> new double[4]);
                r[0]++;
                r[1] += g.breached() ? 1 : 0;
                r[2] += g.observed() != null && g.observed() > g.limit() ? 1 : 0;
                r[3] += g.observed() == null ? Double.NaN : g.observed();
            }
        }
        return out;
    }

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        OpsArena arena = new OpsArena(Path.of(args[1]).resolve("ops"), CASES);
        Map<String, double[]> same = measure(arena, OpsArena.Variant.SAME, 0, seeds);
        Map<String, double[]> harm = measure(arena, OpsArena.Variant.HARM, 100_000, seeds);
        System.out.println("| guardrail (harm_proven, γ = 0.025) | limit (A/A truth) | runs | breach under A/A | same, point estimate"
                + " | breach under harm (power) | mean observed, A/A | mean observed, harm |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, double[]> e : same.entrySet()) {
            double[] s = e.getValue(), h = harm.get(e.getKey());
            if (e.getKey().equals("error_rate_max") || e.getKey().equals("unparseable_rate_max")) continue; // run health: no interval
            System.out.printf(Locale.ROOT, "| `%s` | %s | %d | %.1f%% | %.1f%% | %.1f%% | %.4g | %.4g |%n", e.getKey(),
                    e.getKey().startsWith("truncation") ? String.format(Locale.ROOT, "%.4f", OpsArena.TRUNCATION_RATE) : "0",
                    (int) s[0], 100 * s[1] / s[0], 100 * s[2] / s[0], 100 * h[1] / h[0], s[3] / s[0], h[3] / h[0]);
        }
        // Similarity needs the embeddings module: decided by the same guardrail code on simulated per-case similarities.
        int aa = 0, aaPoint = 0, harmed = 0;
        double sumAa = 0, sumHarm = 0;
        for (long s = 0; s < seeds; s++) {
            GuardrailResult a = SimilarityAa.run(CASES, 0, s), h = SimilarityAa.run(CASES, 0.03, 1_000_000 + s);
            aa += a.breached() ? 1 : 0;
            aaPoint += a.observed() > a.limit() ? 1 : 0;
            harmed += h.breached() ? 1 : 0;
            sumAa += a.observed();
            sumHarm += h.observed();
        }
        System.out.printf(Locale.ROOT, "| `similarity_drop_max` (decision code only, B −0.03 for harm) | 0 | %d | %.1f%% | %.1f%% | %.1f%% | %.4g | %.4g |%n",
                seeds, 100.0 * aa / seeds, 100.0 * aaPoint / seeds, 100.0 * harmed / seeds, sumAa / seeds, sumHarm / seeds);
    }
}
