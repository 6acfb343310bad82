package dev.promptarena.cli;

import dev.promptarena.config.InputException;
import dev.promptarena.run.Version;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code prompt-arena} command: subcommands, exit codes, and error reporting without stack traces. */
@Command(name = "prompt-arena", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Decide, with evidence, whether prompt B is better than prompt A.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class, PlanCommand.class, CalibrateCommand.class,
                CompareCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;

    Main(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    /** Runs the CLI and returns the exit code (tests call this directly). */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main(env, out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(e -> ExitCode.USAGE_OR_INPUT.code());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException ie) {
                err.println("error: " + ie.describe());
                return ExitCode.USAGE_OR_INPUT.code();
            }
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            if (env.containsKey("PROMPT_ARENA_DEBUG")) e.printStackTrace(err);
            return ExitCode.RUN_ERROR.code();
        });
        return cl.execute(args);
    }

    /** Reports the version from the jar manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() { return new String[] {"prompt-arena " + Version.current()}; }
    }
}
