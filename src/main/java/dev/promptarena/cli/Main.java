package dev.promptarena.cli;

import dev.promptarena.input.InputException;
import dev.promptarena.run.Version;
import dev.promptarena.util.IoReason;
import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code prompt-arena} command: subcommands, exit codes, and error reporting without stack traces. */
@Command(name = "prompt-arena", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Decide, with evidence, whether prompt B is better than prompt A.")
public final class Main implements Runnable {
    /**
     * The subcommands in help order. Built on demand: picocli reflects over every registered command
     * at start-up, and for {@code run} only {@code run} is needed (about 35 ms less; bench/README.md).
     */
    private static final List<Map.Entry<String, Supplier<Object>>> SUBCOMMANDS = List.of(
            Map.entry("run", RunCommand::new), Map.entry("validate", ValidateCommand::new), Map.entry("report", ReportCommand::new),
            Map.entry("merge", MergeCommand::new),
            Map.entry("plan", PlanCommand::new), Map.entry("calibrate", CalibrateCommand::new), Map.entry("label", LabelCommand::new),
            Map.entry("compare", CompareCommand::new), Map.entry("generate-completion", Main::completion),
            Map.entry("import", ImportCommand::new), Map.entry("runs", RunsCommand::new),
            Map.entry("assign", AssignCommand::new), Map.entry("canary", CanaryCommand::new),
            Map.entry("signals", SignalsCommand::new), Map.entry("allocate", AllocateCommand::new),
            Map.entry("score", ScoreCommand::new), Map.entry("help", CommandLine.HelpCommand::new));

    @Spec CommandSpec spec;
    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    private final ChangeSource changeSource;

    Main(Map<String, String> env, PrintStream out, PrintStream err, ChangeSource changeSource) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.changeSource = changeSource;
    }

    /** What tells {@code run --watch} that an input changed (file polling, unless a test injected one). */
    ChangeSource changeSource() { return changeSource != null ? changeSource : new PollingChangeSource(); }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    public static void main(String[] args) {
        ensureAsyncPool();
        if (args.length > 0 && args[0].equals("run")) Prewarm.start();
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    /**
     * The JDK HTTP client completes every response on CompletableFuture's default executor. With two CPUs
     * or fewer the common fork-join pool gets parallelism 1, and that executor then starts a new thread for
     * every task: one thread per response, measured as the largest CPU cost of a run at high concurrency
     * (bench/README.md). A common pool of 2 avoids it. Must run before anything touches the pool; a value
     * set on the command line wins.
     */
    static void ensureAsyncPool() {
        String key = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(key) == null && Runtime.getRuntime().availableProcessors() <= 2) System.setProperty(key, "2");
    }

    /** Runs the CLI and returns the exit code (tests call this directly). */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return execute(args, env, out, err, null);
    }

    /** As {@link #execute(String[], Map, PrintStream, PrintStream)}, with {@code run --watch}'s change source (tests script it). */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err, ChangeSource changeSource) {
        // The named subcommand only; anything else (help, a typo, no argument) gets all of them.
        // help and generate-completion describe the whole command tree, so they get every subcommand too.
        boolean named = args.length > 0 && !List.of("help", "generate-completion").contains(args[0])
                && SUBCOMMANDS.stream().anyMatch(e -> e.getKey().equals(args[0]));
        CommandLine cl = commandTree(new Main(env, out, err, changeSource), named ? args[0] : null);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(e -> ExitCode.USAGE_OR_INPUT.code());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException ie) {
                // The message may quote the user's data (a case id, a tag value): no terminal control sequences.
                err.println("error: " + TerminalText.plain(ie.describe()));
                return ExitCode.USAGE_OR_INPUT.code();
            }
            // Plain words, no class names: the message, and for a file error the operating system's reason.
            String message = e.getMessage() == null ? "unexpected " + e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) message += ": " + IoReason.of(e.getCause() != null ? e.getCause() : e);
            err.println("error: " + TerminalText.plain(message));
            if (env.containsKey("PROMPT_ARENA_DEBUG")) e.printStackTrace(err);
            return ExitCode.RUN_ERROR.code();
        });
        return cl.execute(args);
    }

    /** The command with every subcommand, or only {@code only} when it is not null (DocsCommandsTest reads the whole tree). */
    static CommandLine commandTree(Main main, String only) {
        CommandLine cl = new CommandLine(main);
        for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS) {
            if (only == null || e.getKey().equals(only)) cl.addSubcommand(e.getKey(), e.getValue().get());
        }
        return cl;
    }

    /** picocli's completion-script generator, hidden from the command list (README: "Shell completion"). */
    private static Object completion() {
        CommandLine gen = new CommandLine(new picocli.AutoComplete.GenerateCompletion());
        gen.getCommandSpec().usageMessage().hidden(true);
        return gen;
    }

    /** Reports the version from the jar manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() { return new String[] {"prompt-arena " + Version.current()}; }
    }
}
