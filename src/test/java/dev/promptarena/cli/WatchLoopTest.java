package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --watch}, driven by a scripted change source: no sleeps, no timing. */
class WatchLoopTest {
    @TempDir Path dir;

    /** Applies one scripted edit per wait and reports the files it touched; stops when the script is done. */
    private static final class Script implements ChangeSource {
        final Deque<Runnable> edits = new ArrayDeque<>();
        final List<List<Path>> watched = new ArrayList<>();
        final List<Path> touched;

        Script(List<Path> touched) { this.touched = touched; }

        @Override
        public List<Path> awaitChange(List<Path> files) {
            watched.add(files);
            if (edits.isEmpty()) return List.of();
            edits.poll().run();
            return touched;
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rerunsOnEachChangeWithTheCacheAndPrintsTheDiff() throws IOException {
        Path examples = Path.of("examples").toAbsolutePath();
        Path prompt = dir.resolve("b-system.txt");
        write(prompt, "Be helpful, cite the relevant return or shipping policy, and use the customer's name from the order context.");
        String yaml = Files.readString(examples.resolve("support-bot.arena.yaml"))
                .replace("system: \"Be helpful, cite the relevant return or shipping policy, and use the customer's name from the order context.\"",
                        "system_file: b-system.txt")
                .replace("../", examples.getParent() + "/").replace("output: " + examples.getParent() + "/reports", "output: reports");
        Path config = dir.resolve("arena.yaml");
        write(config, yaml);
        Script script = new Script(List.of(prompt));
        script.edits.add(() -> write(prompt, "Be helpful."));                  // B loses its instruction
        script.edits.add(() -> write(config, "variants: [\n"));                // a broken save
        script.edits.add(() -> write(config, yaml));                           // fixed again
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"run", config.toString(), "--watch", "-q"}, Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), script);
        String o = out.toString(StandardCharsets.UTF_8), e = err.toString(StandardCharsets.UTF_8);

        assertTrue(o.contains("== watch: iteration 4 =="), o);
        // The prompt file is watched with the config, dataset and rubric.
        assertTrue(script.watched.get(0).contains(prompt.toAbsolutePath().normalize()), script.watched.get(0).toString());
        assertEquals(4, script.watched.get(0).size(), script.watched.get(0).toString());
        // Iteration 2 shows what the edit did.
        assertTrue(o.contains("since the previous iteration: PASS -> INCONCLUSIVE; B's win rate 70.6% -> 54.4% (-16.2 pts"), o);
        assertTrue(o.contains("flipped 5 win->loss, 3 loss->win"), o);
        // The broken save is reported and the loop goes on with the fixed config, diffed against the last good iteration.
        assertTrue(e.contains("error: ") && e.contains("arena.yaml"), e);
        assertTrue(o.contains("since the previous iteration: INCONCLUSIVE -> INCONCLUSIVE"), o);
        assertEquals(3, code, "the last iteration's exit code (INCONCLUSIVE)");
    }

    @Test
    void laterIterationsCallOnlyWhatChanged() throws IOException {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(r -> r.json().path("model").asText().equals("judge-model")
                    ? Reply.ok("{\"winner\": \"tie\", \"scores\": {\"A\": {\"Clarity\": 3, \"Policy citation\": 3}, \"B\": {\"Clarity\": 3, \"Policy citation\": 3}}, \"reason\": \"same\"}")
                    : Reply.ok());
            ArenaFixture.goldenSet(dir, 5);
            Path config = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: K}", "oa", "oa", "random", "");
            String yaml = Files.readString(config);
            Script script = new Script(List.of(config));
            // Only B's system prompt changes: A's five generations come from the cache.
            script.edits.add(() -> write(config, yaml.replace("use the customer's name.", "use the customer's name, briefly.")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
            Main.execute(new String[] {"run", config.toString(), "--watch", "-q"}, Map.of("K", "sk-test", "PROMPT_ARENA_CACHE_DIR",
                    dir.resolve("cache").toString()), sink, sink, script);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("== watch: iteration 2 =="), out.toString(StandardCharsets.UTF_8));
            List<String> models = server.requests().stream().map(r -> r.json().path("model").asText()).toList();
            assertEquals(15, models.subList(0, 15).size());
            List<String> second = models.subList(15, models.size());
            assertEquals(List.of("model-b", "model-b", "model-b", "model-b", "model-b"), second);
            // The fake server's reply does not depend on the system prompt, so B's answers and hence the judge's requests
            // are unchanged too: 5 calls for B, 10 cache hits (A and the judge).
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Calls: 5 issued, 10 cache hits"), out.toString(StandardCharsets.UTF_8));
        }
    }

    /** A broken save's message can quote the golden set (a duplicate id): printed without its terminal control sequences. */
    @Test
    void aBrokenSaveIsReportedWithoutTerminalControlSequences() throws Exception {
        Path data = dir.resolve("cases.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        WatchLoop.run(dir.resolve("arena.yaml"), Map.of(), new Script(List.of()), () -> {
            throw new dev.promptarena.input.InputException(data, 2, "id", "duplicate id 'x\u001B]0;pwned\u0007\u001B[2Jy' (first at line 1)");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("duplicate id 'xy'"), e);
        assertTrue(e.chars().noneMatch(c -> c == 0x1B || c == 0x07), e);
    }
}
