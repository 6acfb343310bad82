package dev.promptarena.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the CLI in-process for tests, capturing its output. */
public final class CliRunner {
    private CliRunner() {}

    /**
     * What a command printed and returned.
     *
     * @param code exit code
     * @param out  standard output
     * @param err  standard error
     */
    public record Result(int code, String out, String err) {}

    public static Result execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the bundled example (simulated provider, no key, no network) and returns its run folder. */
    public static Path runExample(Path parent, String... extra) throws IOException {
        String[] base = {"run", "examples/support-bot.arena.yaml", "--out", parent.toString(), "-q"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        Result r = execute(args);
        // Any decision will do (the simulated example may change); a usage or run error will not.
        if (r.code() == ExitCode.USAGE_OR_INPUT.code() || r.code() == ExitCode.RUN_ERROR.code()) {
            throw new AssertionError("example run exited " + r.code() + ": " + r.err());
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no run folder: " + r.out()));
        }
    }
}
