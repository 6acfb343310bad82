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
}
