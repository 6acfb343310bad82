package dev.promptarena.testing;

import dev.promptarena.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the CLI in-process and captures its exit code and output. */
public record CliRun(int exitCode, String out, String err) {
    /**
     * Runs with {@code env}. Without {@code PROMPT_ARENA_CACHE_DIR} in it, the run gets a fresh empty cache of
     * its own: never the developer's ~/.cache, where an earlier test's answers (a fake server that happened to
     * get the same port) would be served instead of calling the server under test.
     */
    public static CliRun of(Map<String, String> env, String... args) {
        Path freshCache = env.containsKey("PROMPT_ARENA_CACHE_DIR") ? null : newTempDir();
        Map<String, String> runEnv = env;
        if (freshCache != null) {
            runEnv = new HashMap<>(env);
            runEnv.put("PROMPT_ARENA_CACHE_DIR", freshCache.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code = Main.execute(args, runEnv, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            if (freshCache != null) deleteQuietly(freshCache);
        }
    }

    public static CliRun of(String... args) { return of(Map.of(), args); }

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory("prompt-arena-test-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the run's own cache (every test run used to leave dozens of them in the temp folder). */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the temp folder is the system's to clean
        }
    }
}
