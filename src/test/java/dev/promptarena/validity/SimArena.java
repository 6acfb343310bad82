package dev.promptarena.validity;

import dev.promptarena.engine.EngineOptions;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.RunPipeline;
import dev.promptarena.analysis.AnalysisResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives the real pipeline in-process (config loading, balanced order, engine with journal, the judge prompt and
 * verdict parser, the simulated judge provider, analysis and decision) over recorded outputs, with a simulated
 * judge of known personality ({@code providers.judge.options} of the sim provider).
 *
 * <p>The golden set has {@code n} cases in three segments (category = billing / shipping / returns, 40/35/25%).
 * Both outputs are a fixed reply padded by a per-case number of words (0-39, different for A and B); B's carries
 * the marker {@code [candidate]} the preference personality looks for and {@code extraWords} more words. Each simulated run is independent through the sim's
 * {@code seed} option (and a judge seed derived from it), with the cache off.
 */
public final class SimArena {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private final Path dir;
    private final int n;

    /** Writes the golden set, rubric and recorded outputs for {@code n} cases into {@code dir}. */
    public SimArena(Path dir, int n, int extraWords) {
        this(dir, n, extraWords, true);
    }

    /** As {@link #SimArena(Path, int, int)}; {@code varyLengths} false gives every answer of a side the same length. */
    public SimArena(Path dir, int n, int extraWords, boolean varyLengths) {
        this.dir = dir;
        this.n = n;
        try {
            Files.createDirectories(dir);
            List<String> golden = new ArrayList<>(), a = new ArrayList<>(), b = new ArrayList<>();
            // Lengths vary by case, independently for A and B (0-39 extra words each), so the length model has
            // something to fit; B is then extraWords longer on top.
            for (int i = 0; i < n; i++) {
                String cat = i < 0.4 * n ? "billing" : i < 0.75 * n ? "shipping" : "returns";
                golden.add("{\"id\": \"c" + i + "\", \"message\": \"question " + i + "\", \"tags\": {\"category\": \"" + cat + "\"}}");
                String padA = " detail".repeat(varyLengths ? (i * 7) % 40 : 0);
                String padB = " detail".repeat((varyLengths ? (i * 13 + 5) % 40 : 0) + extraWords);
                a.add("{\"id\": \"c" + i + "\", \"output\": \"Here is the answer to question " + i + padA + ".\"}");
                b.add("{\"id\": \"c" + i + "\", \"output\": \"[candidate] Here is the answer to question " + i + padB + ".\"}");
            }
            Files.write(dir.resolve("golden.jsonl"), golden);
            Files.write(dir.resolve("a.jsonl"), a);
            Files.write(dir.resolve("b.jsonl"), b);
            Files.writeString(dir.resolve("rubric.yaml"), "name: sim\naxes:\n  - name: Overall\n    description: Overall quality.\n"
                    + "    anchors: {1: bad, 3: fair, 5: great}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the golden set, rubric and recorded outputs are (shared with {@link PanelArena}). */
    Path dir() { return dir; }

    /** The number of cases. */
    int cases() { return n; }

    /**
     * One simulated run.
     *
     * @param judgeOptions the sim judge's options as YAML flow entries, e.g. {@code "judge: preference, preference: 0.6"}
     * @param decision     extra YAML under {@code decision:} (flow entries), or ""
     * @param seed         the run's seed (sim randomness and judge order)
     */
    public AnalysisResult run(String judgeOptions, String decision, long seed) {
        return run(judgeOptions, decision, seed, 1);
    }

    /** As {@link #run(String, String, long)}, judging every case {@code repeats} times (run --repeats: fresh judge draws). */
    public AnalysisResult run(String judgeOptions, String decision, long seed, int repeats) {
        try {
            Path runDir = Files.createTempDirectory(dir, "run");
            String yaml = """
                    name: sim-validity
                    dataset: golden.jsonl
                    rubric: rubric.yaml
                    output: %s
                    providers:
                      judge: {type: sim, options: {noise: 0, seed: %d, %s}}
                    variants:
                      A: {name: a, responses: a.jsonl}
                      B: {name: b, responses: b.jsonl}
                    judge: {provider: judge, model: sim-judge, order: random, seed: %d}
                    decision: {alpha: 0.05%s}
                    """.formatted(runDir.getFileName(), seed, judgeOptions, 1000 + seed, decision.isBlank() ? "" : ", " + decision);
            return execute(dir.resolve("arena-" + seed + ".yaml"), yaml, n * repeats, repeats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code yaml} to {@code cfg} and runs it through the real pipeline in-process (cache off, quiet), checking
     * that every (case, repeat) was recorded; shared with {@link OpsArena}.
     */
    static AnalysisResult execute(Path cfg, String yaml, int expectedRecords, int repeats) {
        try {
            Files.writeString(cfg, yaml);
            ArenaInputs in = ArenaInputs.load(cfg, Map.of());
            RunOptions options = new RunOptions(null, null, 64, null, repeats, true, List.of("run"),
                    EngineOptions.defaults(Map.of()).withoutCache(), null);
            RunPipeline.Result r = new RunPipeline(Map.of(), QUIET, (d, run, analysis) -> { }).execute(in, options);
            r.cacheWrites().join();
            if (r.records().size() != expectedRecords) throw new IllegalStateException("run recorded " + r.records().size() + " of " + expectedRecords);
            return new RecordedRun(r.manifest(), r.records(), r.engine()).analyze();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
