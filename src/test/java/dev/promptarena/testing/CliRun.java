package dev.promptarena.testing;

import dev.promptarena.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process and captures its exit code and output. */
public record CliRun(int exitCode, String out, String err) {
    /**
     * Runs with {@code env}. Without {@code PROMPT_ARENA_CACHE_DIR} in it, the run gets a fresh empty cache of
     * its own: never the developer's ~/.cache, where an earlier test's answers (a fake server that happened to
     * get the same port) would be served instead of calling the server under test.
     */
    public static CliRun of(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, isolated(env), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun of(String... args) { return of(Map.of(), args); }

    /** {@code env} with a fresh temporary response cache unless it names one. */
    public static Map<String, String> isolated(Map<String, String> env) {
        if (env.containsKey("PROMPT_ARENA_CACHE_DIR")) return env;
        Map<String, String> withCache = new HashMap<>(env);
        try {
            withCache.put("PROMPT_ARENA_CACHE_DIR", Files.createTempDirectory("prompt-arena-test-cache").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withCache;
    }
}
