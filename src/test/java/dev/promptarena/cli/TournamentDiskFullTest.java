package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.TournamentRun;
import dev.promptarena.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tournament whose journal's disk fills up (the injected limit of {@code JournalDiskFullTest}): the run stops in
 * plain words as a two-variant run does (exit 4, "the journal could not be written (no space left on device)", the
 * resume command, no stack trace), leaves only complete journal lines, and a resume finishes it.
 */
class TournamentDiskFullTest {
    private static final Path EXAMPLE = Path.of("examples/support-bot.tournament.arena.yaml");
    @TempDir Path dir;

    @Test
    void aFullDiskStopsTheTournamentInPlainWordsAndResumeFinishesIt() throws Exception {
        Path run = dir.resolve("run");
        ArenaInputs inputs = ArenaInputs.load(EXAMPLE, Map.of());
        EngineOptions engine = EngineOptions.defaults(Map.of()).withoutCache().withJournalRoom(20_000L);
        RunOptions options = new RunOptions(null, null, 4, 10, 1, true,
                List.of("run", EXAMPLE.toString(), "--limit", "10", "--no-cache", "-q", "--run-dir", run.toString()), engine, null, run, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        TournamentRun.Result result = new TournamentRun(Map.of(), errStream).execute(inputs, options);
        assertTrue(result.storageFailed());
        Main main = new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), errStream, null);
        int code = TournamentOutput.finish(result, main, List.of(), null);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.RUN_ERROR.code(), code, text);
        assertTrue(text.contains("error: run stopped: the journal could not be written (no space left on device)"), text);
        assertTrue(text.contains("Resume with: prompt-arena run --resume " + run), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(run.resolve("journal.jsonl"));
        for (String line : lines) json.readTree(line); // only whole lines
        assertTrue(lines.size() < 100, "the run stopped spending: " + lines.size() + " of 100 calls journaled");

        CliRun resumed = CliRun.of("run", "--resume", run.toString(), "--quiet");
        assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.out() + resumed.err());
        assertEquals(100, Files.readAllLines(run.resolve("journal.jsonl")).size(), "every call journaled once");
    }

    @Test
    void aPairingsFilesThatDoNotFitAfterTheJournalFailedAreAWarningNotACrash() throws Exception {
        Path run = dir.resolve("run");
        ArenaInputs inputs = ArenaInputs.load(EXAMPLE, Map.of());
        List<String> args = List.of("run", EXAMPLE.toString(), "--limit", "10", "--no-cache", "-q", "--run-dir", run.toString());
        EngineOptions engine = EngineOptions.defaults(Map.of()).withoutCache().withJournalRoom(4_000L);
        TournamentRun.Result first = new TournamentRun(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .execute(inputs, new RunOptions(null, null, 4, 10, 1, true, args, engine, null, run, null));
        assertTrue(first.storageFailed());
        assertEquals(1, first.runs().size(), "no pairing starts after the journal failed");
        // Resumed on a disk that is still full: the journal fails again in the first pairing, and that pairing's
        // cases.jsonl cannot be moved into place either (a non-empty folder holds its name, as a full disk would refuse it).
        Path pair = run.resolve(first.folder().pairs().get(0).dir());
        Path blocked = pair.resolve("cases.jsonl");
        Files.delete(blocked);
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("blocker"), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        TournamentRun.Result result = new TournamentRun(Map.of(), errStream)
                .execute(inputs, new RunOptions(null, null, 4, 10, 1, true, args, engine.withJournalRoom(500L), run, null, null));
        assertTrue(result.storageFailed());
        assertEquals(1, result.runs().size());
        Main main = new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), errStream, null);
        int code = TournamentOutput.finish(result, main, List.of(), null);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.RUN_ERROR.code(), code, text);
        assertTrue(text.contains("warning: cannot write cases.jsonl and outcomes.jsonl in " + pair), text);
        assertTrue(text.contains("error: run stopped: the journal could not be written (no space left on device)"), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        // The pairing's manifest, written through the same best-effort path, records where it stopped.
        String manifest = Files.readString(pair.resolve("manifest.json"));
        assertTrue(manifest.contains("\"partial\""), manifest);
    }
}
