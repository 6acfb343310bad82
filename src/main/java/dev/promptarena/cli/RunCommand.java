package dev.promptarena.cli;

import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.RunPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prompt-arena run <arena.yaml>}: generate, judge, analyse, decide, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the arena: generate A and B, judge each pair, and decide PASS / FAIL / INCONCLUSIVE.",
        footer = {"", "Exit codes: 0 PASS, 1 FAIL, 2 usage/config/input error, 3 INCONCLUSIVE, 4 run error, 130 interrupted."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARENA_YAML", description = "The arena config file.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the run folder (default: the config's output).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Override judge.seed (the presentation-order seed).")
    Long seed;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64", description = "Maximum cases in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N cases of the golden set.")
    Integer limit;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "1", description = "Sample each case N times (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--responses", paramLabel = "FILE", description = "Evaluate recorded outputs instead of generating: JSONL or CSV"
            + " with id, output_a, output_b per case (e.g. production vs shadow responses). Only the judge is called.")
    Path responses;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (the gate and each guardrail as a test case) to FILE.")
    Path junit;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || repeats < 1 || (limit != null && limit < 1)) {
            main.err.println("error: --concurrency, --repeats and --limit must be >= 1");
            return ExitCode.USAGE_OR_INPUT.code();
        }
        ArenaInputs loaded = ArenaInputs.load(config, main.env);
        ArenaInputs inputs = responses == null ? loaded : loaded.withCombinedResponses(responses);
        RunOptions options = new RunOptions(out, seed, concurrency, limit, repeats, quiet, args());
        RunPipeline pipeline = new RunPipeline(main.env, main.err);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            pipeline.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS); // let the partial report be written before the JVM exits (130)
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "prompt-arena-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunPipeline.Result result = pipeline.execute(inputs, options);
            return RunOutput.finish(result, main, inputs, junit);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting because of Ctrl-C; the hook is running
            }
        }
    }

    private List<String> args() {
        List<String> a = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        a.add(0, "run");
        return a;
    }
}
