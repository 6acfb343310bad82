package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the bundled example in-process for report tests. */
public final class CliRunner {
    private CliRunner() {}

    /** Runs the bundled example (simulated provider, no key, no network) and returns its run folder. */
    public static Path runExample(Path parent, String... extra) throws IOException {
        String[] base = {"run", "examples/support-bot.arena.yaml", "--out", parent.toString(), "-q"};
        CliRun r = CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
        // Any decision will do (the simulated example may change); a usage or run error will not.
        if (r.exitCode() == ExitCode.USAGE_OR_INPUT.code() || r.exitCode() == ExitCode.RUN_ERROR.code()) {
            throw new AssertionError("example run exited " + r.exitCode() + ": " + r.err());
        }
        try (Stream<Path> dirs = RunFolders.list(parent)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no run folder: " + r.out()));
        }
    }
}
