package dev.promptarena.validity;

import dev.promptarena.analysis.AnalysisResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * A judge panel over {@link SimArena}'s recorded outputs, through the real pipeline: {@code judges} simulated judges
 * of one personality (one sim provider, a model name per judge, so their draws are independent), each asked
 * {@code samples} times per pair. With {@code oddOptions} the last judge has its own provider with those options
 * (one judge that differs from the rest, e.g. position-biased). The sim's draws are seeded by the model name, so
 * judges of different models are independent (Cohen's kappa 0 whatever their preference) and judges named apart
 * over one model ({@code identical}) give the same verdicts (kappa 1).
 */
public final class PanelArena {
    private final SimArena data;

    public PanelArena(SimArena data) { this.data = data; }

    /**
     * One simulated panel run.
     *
     * @param options    the sim judges' options (YAML flow entries)
     * @param oddOptions the last judge's options, or null for a panel of one personality
     * @param judges     panel size (at least 2)
     * @param samples    samples per judge, pair and order (above 1: stability is measured)
     * @param seed       the run's seed (sim randomness and judge order)
     */
    public AnalysisResult run(String options, String oddOptions, int judges, int samples, long seed) {
        return run(options, oddOptions, judges, samples, false, seed);
    }

    /** As {@link #run(String, String, int, int, long)}; {@code identical}: every judge asks the same model. */
    public AnalysisResult run(String options, String oddOptions, int judges, int samples, boolean identical, long seed) {
        try {
            Path runDir = Files.createTempDirectory(data.dir(), "panel");
            StringJoiner panel = new StringJoiner("\n");
            for (int j = 1; j <= judges; j++) {
                String provider = oddOptions != null && j == judges ? "odd" : "judge";
                panel.add("  - {name: sim-judge-" + j + ", provider: " + provider + ", model: " + (identical ? "sim-judge" : "sim-judge-" + j) + "}");
            }
            String yaml = """
                    name: sim-panel-validity
                    dataset: golden.jsonl
                    rubric: rubric.yaml
                    output: %s
                    providers:
                      judge: {type: sim, options: {noise: 0, seed: %d, %s}}
                      odd: {type: sim, options: {noise: 0, seed: %d, %s}}
                    variants:
                      A: {name: a, responses: a.jsonl}
                      B: {name: b, responses: b.jsonl}
                    judge: {order: random, seed: %d, samples: %d, decoding: {temperature: 0.7}}
                    judges:
                    %s
                    decision: {alpha: 0.05}
                    """.formatted(runDir.getFileName(), seed, options, seed, oddOptions == null ? options : oddOptions,
                    1000 + seed, samples, panel);
            return SimArena.execute(data.dir().resolve("panel-" + seed + ".yaml"), yaml, data.cases(), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
