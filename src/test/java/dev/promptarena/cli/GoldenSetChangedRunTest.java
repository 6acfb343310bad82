package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden set is read back from its file during the run: an edit made meanwhile stops the run, it is not half-used. */
class GoldenSetChangedRunTest {
    @TempDir Path dir;

    @Test
    void aGoldenSetEditedDuringTheRunStopsItNamingTheFileAndLine() throws Exception {
        Path golden = ArenaFixture.goldenSet(dir, 4);
        // Lines longer than the 64 KB the run reads at once, so case 2 is read from the file after case 1 has run.
        String pad = ", \"pad\": \"" + "x".repeat(70_000) + "\"}";
        Files.writeString(golden, Files.readString(golden).replace("}}\n", "}" + pad + "\n"));
        AtomicBoolean edited = new AtomicBoolean();
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            // The first request edits cases 3 and 4 (same size, other names). With one case in flight the run reads
            // case 3 only after case 1 has finished, so from the edited file (case 2 is read while case 1 runs).
            server.fallback(rec -> {
                if (edited.compareAndSet(false, true)) {
                    // Rewritten in place, same bytes for cases 1 and 2 and never truncated: the run reads case 2 while
                    // this runs, and Files.write's truncation let it see a shorter file instead (a change too, but not
                    // the one this test names; seen once in a suite run).
                    try (FileChannel ch = FileChannel.open(golden, StandardOpenOption.WRITE)) {
                        java.util.List<String> lines = Files.readAllLines(golden);
                        for (int i = 2; i < 4; i++) lines.set(i, lines.get(i).replace("Ana", "Bob"));
                        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                        assertEquals(Files.size(golden), bytes.length, "the edit keeps the file's size");
                        ch.write(ByteBuffer.wrap(bytes), 0);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return DeterministicReplies.reply(rec);
            });
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", concurrency: 1}", "oa", "oa", "random", "");
            CliRun run = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "run", cfg.toString(), "--quiet",
                    "--concurrency", "1");
            assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("golden.jsonl:3") && run.err().contains("the golden set changed since the run read it"), run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace or class name: " + run.err());
            assertTrue(server.requests().size() <= 6, "at most the calls of cases 1 and 2 (the run stops while case 2 may be in flight)");
            assertTrue(server.requests().stream().noneMatch(r -> r.body().contains("Bob")), "nothing of the edited cases was sent");
        }
    }
}
