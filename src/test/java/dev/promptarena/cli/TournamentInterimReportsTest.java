package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.engine.EngineOptions;
import dev.promptarena.report.files.TournamentReports;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.TournamentInterim;
import dev.promptarena.run.TournamentRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interim reports of a tournament (the bundled example, 4 variants round robin, 6 pairings): written after each pairing
 * but the last, every file marked "Interim — not a decision" with how far the run is, never PASS/FAIL/INCONCLUSIVE;
 * the final reports replace them; a writer that fails is one warning and changes neither the run nor the exit code.
 */
class TournamentInterimReportsTest {
    private static final Path EXAMPLE = Path.of("examples/support-bot.tournament.arena.yaml");
    private static final List<String> INTERIM_FILES = List.of("summary.md", "report.html");
    @TempDir Path dir;

    private static RunOptions options(Path run) {
        return new RunOptions(null, null, 4, 10, 1, true, List.of("run", EXAMPLE.toString(), "--limit", "10", "--no-cache", "-q",
                "--run-dir", run.toString()), EngineOptions.defaults(Map.of()).withoutCache(), null, run, null);
    }

    @Test
    void everyInterimFileIsMarkedAndNeverADecision() throws Exception {
        Path run = dir.resolve("run");
        List<String> seen = new ArrayList<>();
        TournamentInterim capture = (d, layout, runs, note) -> {
            TournamentReports.writeInterim(d, layout, runs, note);
            try {
                for (String f : INTERIM_FILES) seen.add(runs.size() + " " + f + "\n" + Files.readString(d.file(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        TournamentRun.Result result = new TournamentRun(Map.of(), System.err, capture).execute(ArenaInputs.load(EXAMPLE, Map.of()), options(run));
        assertEquals(5 * INTERIM_FILES.size(), seen.size(), "after pairings 1..5 of 6");
        for (String file : seen) {
            assertTrue(file.contains("Interim — not a decision"), file);
            assertTrue(file.contains("in progress: " + file.substring(0, file.indexOf(' ')) + " of 6 pairings had finished"), file);
            for (String verdict : List.of("PASS", "FAIL", "INCONCLUSIVE")) assertFalse(file.contains(verdict), verdict + " in " + file);
        }
        assertTrue(seen.get(0).contains("| cite-policy-and-name |"), "the candidates played so far are listed: " + seen.get(0));
        // The final reports replace them.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main main = new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err, null);
        TournamentOutput.finish(result, main, List.of(), null);
        for (String f : INTERIM_FILES) assertFalse(Files.readString(run.resolve(f)).contains("Interim"), f);
        assertTrue(Files.readString(run.resolve("summary.md")).startsWith("## prompt-arena tournament: "));
    }

    @Test
    void aFailingInterimWriterIsOneWarningAndChangesNothing() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        TournamentInterim full = (d, layout, runs, note) -> {
            throw new UncheckedIOException("cannot write " + d.file("report.html"), new IOException("No space left on device"));
        };
        Path failing = dir.resolve("failing"), plain = dir.resolve("plain");
        TournamentRun.Result a = new TournamentRun(Map.of(), errStream, full).execute(ArenaInputs.load(EXAMPLE, Map.of()), options(failing));
        TournamentRun.Result b = new TournamentRun(Map.of(), errStream, TournamentInterim.NONE).execute(ArenaInputs.load(EXAMPLE, Map.of()), options(plain));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(l -> l.startsWith("warning: could not write an interim report: cannot write")).count(), text);
        assertNull(a.partialReason());
        assertEquals(6, a.runs().size());
        Main main = new Main(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errStream, null);
        assertEquals(TournamentOutput.finish(b, main, List.of(), null), TournamentOutput.finish(a, main, List.of(), null), "same exit code");
        assertEquals(Files.readString(plain.resolve("ranking.csv")), Files.readString(failing.resolve("ranking.csv")));
    }
}
