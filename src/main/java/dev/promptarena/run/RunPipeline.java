package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.engine.ArenaRunner;
import dev.promptarena.engine.CaseRecord;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.engine.DirectCalls;
import dev.promptarena.judge.JudgePanel;
import dev.promptarena.judge.JudgePrompt;
import dev.promptarena.judge.PairJudge;
import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
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
        List<JudgeConfig> judges = options.judgeSeed() == null ? config.judges()
                : config.judges().stream().map(j -> j.withSeed(options.judgeSeed())).toList();
        Path parent = options.outDir() != null ? options.outDir() : config.outputDir();
        Instant started = Instant.now();
        RunDirectory dir = RunDirectory.create(parent, config.name(), ZonedDateTime.now());
        JudgePrompt prompt = new JudgePrompt(in.rubric(), judges.get(0).template());
        int total = in.cases().size() * options.repeats();
        Manifest manifest = ManifestFactory.create(in, judges, prompt.templateSha256(), dir.runId(), total, options, started, null, "running");
        dir.writeJson("manifest.json", manifest);
        // Warn before spending anything: the user may prefer to add or swap a judge first.
        manifest.selfPreference().forEach(s -> err.println("warning: " + s.message()));
        CostModel costs = CostModel.FREE;
        List<CaseRecord> records;
        try (Calls calls = new DirectCalls(clients(config))) {
            JudgePanel judge = new JudgePanel(judges.stream().map(j -> new PairJudge(j, prompt, calls, costs)).toList());
            runner = new ArenaRunner(config.a(), config.b(), judge, calls, costs, options.window());
            if (interrupted) runner.requestStop();
            records = runner.run(in.cases(), options.repeats(), r -> { });
        }
        String partial = runner.stopped() ? "interrupted after " + records.size() + " of " + total + " cases" : null;
        dir.writeJsonLines("cases.jsonl", records);
        dir.writeJsonLines("outcomes.jsonl", records.stream().map(CaseRecord::outcome).toList());
        dir.writeJson("manifest.json", ManifestFactory.create(in, judges, prompt.templateSha256(), dir.runId(), total, options,
                started, Instant.now(), partial));
        return new Result(dir, records, partial);
    }

    private Map<String, LlmClient> clients(ArenaConfig config) {
        ClientFactory factory = new ClientFactory(env);
        Map<String, LlmClient> out = new LinkedHashMap<>();
        config.providers().forEach((name, p) -> {
            boolean used = name.equals(config.a().provider()) || name.equals(config.b().provider())
                    || config.judges().stream().anyMatch(j -> name.equals(j.provider()));
            if (used) out.put(name, factory.create(p));
        });
        return out;
    }
}
