package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.engine.ArenaRunner;
import dev.promptarena.engine.CaseRecord;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.engine.Progress;
import dev.promptarena.judge.JudgePrompt;
import dev.promptarena.judge.PairJudge;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Runs an arena: generate both variants and judge each pair (through one {@link Calls}
 * engine), record everything in a fresh run folder, then derive every report from what was
 * recorded. The run folder is created before the first call so an interrupted run still has one.
 */
public final class RunPipeline {
    private final Map<String, String> env;
    private final PrintStream err;
    private volatile ArenaRunner runner;
    private volatile boolean interrupted;

    public RunPipeline(Map<String, String> env, PrintStream err) {
        this.env = Map.copyOf(env);
        this.err = err;
    }

    /** What a run produced. */
    public record Result(RunDirectory dir, List<CaseRecord> records, String partialReason) {}

    /** Stops starting new cases (Ctrl-C); the run finishes the cases in flight and is marked partial. */
    public void interrupt() {
        interrupted = true;
        ArenaRunner r = runner;
        if (r != null) r.requestStop();
    }

    public Result execute(ArenaInputs fullInputs, RunOptions options) throws InterruptedException {
        ArenaInputs in = fullInputs.limitedTo(options.limit());
        ArenaConfig config = in.config();
        JudgeConfig judgeConfig = options.judgeSeed() == null ? config.judge()
                : new JudgeConfig(config.judge().provider(), config.judge().model(), config.judge().order(), options.judgeSeed(),
                config.judge().decoding(), config.judge().template(), config.judge().samples());
        Path parent = options.outDir() != null ? options.outDir() : config.outputDir();
        Instant started = Instant.now();
        RunDirectory dir = RunDirectory.create(parent, config.name(), ZonedDateTime.now());
        JudgePrompt prompt = new JudgePrompt(in.rubric(), judgeConfig.template());
        int total = in.cases().size() * options.repeats();
        dir.writeJson("manifest.json", ManifestFactory.create(in, judgeConfig, prompt.templateSha256(), dir.runId(), total, options,
                started, null, "running"));
        CostModel costs = new PriceTable(config.prices());
        List<CaseRecord> records;
        // The engine: journal (resume), shared cache, budget, retries, per-provider limits.
        try (CallEngine calls = CallEngine.create(config, env, dir.path(), EngineOptions.defaults(env));
             Progress progress = Progress.forConsole(options.quiet(), err, calls::snapshot)) {
            PairJudge judge = new PairJudge(judgeConfig, prompt, calls, costs);
            runner = new ArenaRunner(config.a(), config.b(), judge, calls, costs, options.window());
            if (interrupted) runner.requestStop();
            progress.start(total);
            records = runner.run(in.cases(), options.repeats(), r -> progress.caseDone());
            // Calls issued, cache and journal hits, retries, failures by reason, tokens and cost per role.
            dir.writeJson("engine.json", calls.snapshot());
        }
        String partial = runner.stopped() ? "interrupted after " + records.size() + " of " + total + " cases" : null;
        dir.writeJsonLines("cases.jsonl", records);
        dir.writeJsonLines("outcomes.jsonl", records.stream().map(CaseRecord::outcome).toList());
        dir.writeJson("manifest.json", ManifestFactory.create(in, judgeConfig, prompt.templateSha256(), dir.runId(), total, options,
                started, Instant.now(), partial));
        return new Result(dir, records, partial);
    }
}
