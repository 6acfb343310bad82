package dev.promptarena.cli;

import dev.promptarena.engine.EngineOptions;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.files.Reports;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.ManifestFactory;
import dev.promptarena.run.ResumeCheck;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.RunPipeline;
import dev.promptarena.run.Shard;
import dev.promptarena.run.TournamentRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prompt-arena run <arena.yaml>}: generate, judge, analyse, decide, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the arena: generate A and B, judge each pair, and decide PASS / FAIL / INCONCLUSIVE.",
        footer = {"", "Exit codes: 0 PASS, 1 FAIL, 2 usage/config/input error, 3 INCONCLUSIVE, 4 run error, 130 interrupted."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ARENA_YAML", description = "The arena config file (not needed with --resume).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the run folder (default: the config's output).")
    Path out;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The exact run folder to create (must not exist or be empty), instead of a"
            + " time-stamped folder under --out.")
    Path runDir;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write a report to FILE, format by extension: .json (report.json),"
            + " .csv (cases.csv), .html (report.html), .md (summary.md), .xml (JUnit). Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override judge.seed (the presentation-order seed).")
    Long seed;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "Maximum cases in flight (default: ${DEFAULT-VALUE}); calls per endpoint are capped by the provider's concurrency.")
    int concurrency;
    @Option(names = "--limit", paramLabel = "N", description = "Only the first N cases of the golden set.")
    Integer limit;
    @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K of N (cases chosen by a hash of their id) into a"
            + " shard folder; prompt-arena merge joins shards 1..N into the whole run.")
    String shard;
    @Option(names = "--repeats", paramLabel = "N", defaultValue = "1", description = "Sample each case N times (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--responses", paramLabel = "FILE", description = "Evaluate recorded outputs instead of generating: JSONL or CSV"
            + " with id, output_a, output_b per case (e.g. production vs shadow responses). Only the judge is called.")
    Path responses;

    @Option(names = "--no-cache", description = "Neither read nor write the shared response cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "The shared response cache (default: $PROMPT_ARENA_CACHE_DIR, else ~/.cache/prompt-arena).")
    Path cacheDir;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Stop cleanly before the run's cost would exceed USD; the report is marked partial.")
    Double maxCost;
    @CommandLine.Mixin BatchOption batch = new BatchOption(); // --batch
    @Option(names = "--dry-run", description = "Print the number of calls, estimated tokens and cost; call nothing.") boolean dryRun;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Complete an interrupted run: finished calls come from its journal, none is re-issued.")
    Path resume;

    @Option(names = "--allow-changed-inputs", description = "With --resume: resume even though the config, dataset, rubric or judge"
            + " template changed since the run started (recorded in the manifest's args). Without it such a resume is refused.")
    boolean allowChangedInputs;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--watch", description = "Run, then run again whenever the config, a prompt file, the rubric or the golden set changes"
            + " (the cache makes unchanged calls free), printing what changed since the previous iteration. Ctrl-C stops.")
    boolean watch;

    /** The run folder of the last run this command made (watch mode diffs consecutive ones). */
    private Path lastRunDir;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (the gate and each guardrail as a test case) to FILE.")
    Path junit;
    @Option(names = "--labels", paramLabel = "CSV", description = "Human labels (case_id,label) applied at the end of the run (README: Human labels); with --resume they replace the run's own.") Path labels;

    @Override
    public Integer call() throws Exception {
        if (resume != null) return resumeRun();
        if (config == null) throw new CommandLine.MissingParameterException(spec.commandLine(), spec.positionalParameters().get(0),
                "Missing required parameter: ARENA_YAML (or --resume RUN_DIR)");
        String badOption = badOption();
        if (badOption != null) throw new CommandLine.ParameterException(spec.commandLine(), badOption);
        if (watch) {
            if (runDir != null || dryRun) throw new CommandLine.ParameterException(spec.commandLine(), "--watch makes a new run folder per iteration: not with --run-dir or --dry-run");
            // A save in progress may break the config for a moment, and the loop waits for the next; a config that is not
            // there at all (a typo) or is a folder would have it wait forever for a file no one writes.
            dev.promptarena.input.ReadErrors.requireNotFolder(config);
            if (!Files.exists(config)) throw new dev.promptarena.input.InputException(config, "file not found");
            // Every iteration loads the inputs again: that is what changed.
            return WatchLoop.run(config, main.env, main.changeSource(), () -> {
                lastRunDir = null;
                int code = runOnce();
                return new WatchLoop.Result(code, lastRunDir);
            }, main.out, main.err);
        }
        return runOnce();
    }

    /** Samples per case at most: a run holds every (case, repeat) position, and 2,000,000,000 ran out of memory with a stack trace. */
    static final int MAX_REPEATS = 1000;

    /** The first option whose value no run can use, said with that value; null when all are usable. */
    private String badOption() {
        if (concurrency < 1) return "--concurrency must be at least 1, got " + concurrency;
        if (repeats < 1 || repeats > MAX_REPEATS) return "--repeats must be 1 to " + MAX_REPEATS + ", got " + repeats;
        if (limit != null && limit < 1) return "--limit must be at least 1, got " + limit;
        if (maxCost != null && !(maxCost >= 0 && maxCost < Double.POSITIVE_INFINITY)) return "--max-cost must be a number of US dollars >= 0, got " + maxCost;
        return null;
    }

    private int runOnce() throws Exception {
        if (runDir != null && out != null) throw new CommandLine.ParameterException(spec.commandLine(), "give --out PARENT or --run-dir DIR, not both");
        OutputFiles.checkAll(outputs, junit);
        Shard part;
        try {
            part = shard == null ? null : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            main.err.println("error: " + e.getMessage());
            return ExitCode.USAGE_OR_INPUT.code();
        }
        ArenaInputs loaded = ArenaInputs.load(config, main.env, responses != null);
        loaded.warnings().forEach(w -> main.err.println("warning: " + w));
        boolean tournament = loaded.config().tournament() != null;
        if (tournament && !TournamentOutput.checkOptions(main, responses, outputs, junit, part, labels)) return ExitCode.USAGE_OR_INPUT.code();
        ArenaInputs inputs = responses == null ? loaded : loaded.withCombinedResponses(responses);
        RunOptions options = new RunOptions(out, seed, concurrency, limit, repeats, quiet, args(), engineOptions(loaded.config()), null, runDir, part);
        if (dryRun) dev.promptarena.run.RunDirectory.checkTargets(out != null ? out : inputs.config().outputDir(), runDir);
        if (dryRun && tournament) return TournamentOutput.dryRun(main, inputs, options);
        if (dryRun) {
            // Checked as the run checks them, so a dry run that passes is not followed by a run refused for its labels.
            HumanLabelsGate.forRun(labels, inputs, main.err);
            return RunOutput.dryRun(main, inputs, options);
        }
        ArenaInputs[] handOver = {inputs};
        loaded = inputs = null; // execute takes them out: no frame keeps the golden set through the final analysis
        return execute(handOver, options);
    }

    /** Whether two paths name one file (a missing one names none). */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Re-runs the interrupted run's own command line in its own folder. */
    private int resumeRun() throws Exception {
        // No entry at all: not a run folder. Anything else there (a loop of links, a file that refuses reads) is read
        // below, so the error says why it cannot be read instead of calling it missing.
        if (Files.notExists(resume.resolve("manifest.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            main.err.println("error: " + resume + ": not a run folder (no manifest.json)");
            return ExitCode.USAGE_OR_INPUT.code();
        }
        if (maxCost != null && !(maxCost >= 0)) {
            main.err.println("error: --max-cost must be >= 0");
            return ExitCode.USAGE_OR_INPUT.code();
        }
        Manifest m = ManifestFactory.read(resume.resolve("manifest.json"));
        dev.promptarena.input.ReadErrors.requireReadableIfPresent(resume.resolve(dev.promptarena.engine.CallEngine.JOURNAL));
        if (config != null && !sameFile(config, Path.of(m.configFile()))) {
            // A resume runs the run's own config; another one given beside it was silently ignored.
            main.err.println("error: " + config + " is not the config of " + resume + " (" + m.configFile() + "): --resume completes the run"
                    + " with its own config; drop ARENA_YAML, or start a new run with it");
            return ExitCode.USAGE_OR_INPUT.code();
        }
        RunCommand original = new RunCommand();
        original.main = main;
        List<String> args = new ArrayList<>(m.args().subList(1, m.args().size()));
        args.removeIf(a -> a.equals("--dry-run"));
        new CommandLine(original).parseArgs(args.toArray(String[]::new));
        original.config = Path.of(m.configFile());
        original.quiet = original.quiet || quiet;
        ArenaInputs loaded = ArenaInputs.load(original.config, main.env, original.responses != null);
        List<String> recordedArgs = new ArrayList<>(m.args());
        List<String> changes = ResumeCheck.changes(m, loaded);
        if (!changes.isEmpty()) {
            if (!allowChangedInputs) {
                main.err.println("error: " + resume + ": the run's inputs changed since it started, so resuming would mix two experiments:");
                changes.forEach(c -> main.err.println("  " + c));
                main.err.println("Restore them, start a new run, or resume anyway with --allow-changed-inputs (recorded in the manifest).");
                return ExitCode.USAGE_OR_INPUT.code();
            }
            changes.forEach(c -> main.err.println("warning: resuming with a changed input (--allow-changed-inputs): " + c));
            recordedArgs.add("--allow-changed-inputs");
        }
        // Not overridable by --allow-changed-inputs: the inputs are the same, the ids read from them are not, and the
        // calls already paid for would be paid again.
        List<String> renamed = ResumeCheck.caseIdRule(m, loaded.config().dataset(), loaded.golden().ids(), resume);
        if (!renamed.isEmpty()) {
            main.err.println("error: " + resume + ": " + renamed.get(0));
            renamed.subList(1, renamed.size()).forEach(l -> main.err.println("  " + l));
            return ExitCode.USAGE_OR_INPUT.code();
        }
        // Labels given on resume replace the run's own (or add them), recorded so a later resume keeps them.
        if (labels != null) original.labels = labels;
        if (labels != null) ResumeArgs.replaceOption(recordedArgs, "--labels", labels.toString());
        if (maxCost != null) {
            // A new cap for the rest of the run, recorded so a later resume keeps it.
            original.maxCost = maxCost;
            ResumeArgs.replaceOption(recordedArgs, "--max-cost", String.valueOf(maxCost));
        }
        ArenaInputs inputs = original.responses == null ? loaded : loaded.withCombinedResponses(original.responses);
        RunOptions options = new RunOptions(null, original.seed, original.concurrency, original.limit, original.repeats, original.quiet,
                recordedArgs, original.engineOptions(loaded.config()), resume, null, original.shard == null ? null : Shard.parse(original.shard));
        if (original.junit == null) original.junit = junit;
        if (original.outputs.isEmpty()) original.outputs = outputs;
        ArenaInputs[] handOver = {inputs};
        loaded = inputs = null; // execute takes them out: no frame keeps the golden set through the final analysis
        return original.execute(handOver, options);
    }

    private EngineOptions engineOptions(dev.promptarena.config.ArenaConfig arena) {
        EngineOptions e = EngineOptions.defaults(main.env);
        if (cacheDir != null) e = e.withCacheDir(cacheDir);
        if (noCache) e = e.withoutCache();
        return batch.apply(e, arena, quiet, main.err).withMaxCostUsd(maxCost);
    }

    /** Runs the inputs taken out of {@code handOver[0]}: after the calls the golden set (ids, line offsets, tags, ~100
     *  bytes a case) is garbage, and no frame holds it through the final analysis and reports (issue 21). */
    private int execute(ArenaInputs[] handOver, RunOptions options) throws Exception {
        ArenaInputs inputs = handOver[0];
        handOver[0] = null;
        TournamentRun tournament = inputs.config().tournament() == null ? null
                : new TournamentRun(main.env, main.err, dev.promptarena.report.files.TournamentReports::writeInterim);
        var humanLabels = HumanLabelsGate.forRun(labels, inputs, main.err); // checked before anything is spent
        if (!options.quiet()) BatchNote.of(inputs, options).ifPresent(main.err::println); // stderr, with the batch states
        RunPipeline pipeline = new RunPipeline(main.env, main.err,
                (dir, run, analysis) -> Reports.writeAll(dir, ReportModel.of(run, analysis)));
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (tournament != null) tournament.interrupt();
            else pipeline.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS); // let the partial report be written before the JVM exits (130)
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "prompt-arena-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (tournament != null) {
                TournamentRun.Result result = tournament.execute(inputs, options);
                int code = TournamentOutput.finish(result, main, outputs, junit);
                if (options.shard() != null && result.partialReason() == null) {
                    // As for two variants: one shard's gate is not the run's, so a finished shard succeeds (it exited 3).
                    main.err.println("Shard " + options.shard().label() + " finished; merge shards 1.." + options.shard().count()
                            + " with: prompt-arena merge <shard folders>");
                    code = ExitCode.PASS.code();
                }
                lastRunDir = result.dir().path();
                CacheWrites.await(result.cacheWrites(), main.err);
                return code;
            }
            RunPipeline.Result result = pipeline.execute(inputs, options);
            inputs = null;
            int code = RunOutput.finish(result, main, humanLabels, junit, outputs);
            if (options.shard() != null && result.partialReason() == null) {
                // One shard's gate is not the run's: the decision comes from merge, so a finished shard succeeds.
                main.err.println("Shard " + options.shard().label() + " finished (" + result.records().size()
                        + " cases); merge shards 1.." + options.shard().count() + " with: prompt-arena merge <shard folders>");
                code = ExitCode.PASS.code();
            }
            lastRunDir = result.dir().path();
            CacheWrites.await(result.cacheWrites(), main.err);
            return code;
        } finally {
            pipeline.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting because of Ctrl-C; the hook is running
            }
        }
    }

    /** The command line as typed, starting with "run" (picocli's original args include the subcommand). */
    private List<String> args() {
        List<String> a = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (a.isEmpty() || !a.get(0).equals("run")) a.add(0, "run");
        return a;
    }
}
