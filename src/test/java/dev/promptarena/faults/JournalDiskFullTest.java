package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.files.Reports;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.RunPipeline;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.RunFolders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 3: the journal's disk fills up mid-run (an injected limit that writes part of a line,
 * then fails with "No space left on device", as a full disk does). The run starts no new call, leaves
 * only complete journal lines, says why in plain words, and a resume once space is back ends with the
 * numbers of an uninterrupted run. Also: a corrupt middle line is reported with its line number.
 */
class JournalDiskFullTest {
    private static final int CASES = 20;
    private static final int CALLS = CASES * 3;
    private static final int CONCURRENCY = 2;

    @TempDir Path dir;

    @Test
    void aFullDiskStopsTheRunWithCompleteLinesAndResumeFinishesIt() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server);
            ArenaInputs inputs = ArenaInputs.load(cfg, Map.of());
            // Room for about a quarter of the journal: the disk fills up mid-run, in the middle of a line.
            EngineOptions engine = EngineOptions.defaults(Map.of()).withoutCache().withJournalRoom(9_000L);
            RunOptions options = new RunOptions(dir.resolve("out"), null, 8, null, 1, true,
                    List.of("run", cfg.toString(), "--quiet", "--no-cache"), engine, null);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            RunPipeline.Result result;
            try (RunPipeline pipeline = new RunPipeline(Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8),
                    (d, run, analysis) -> Reports.writeAll(d, ReportModel.of(run, analysis)))) {
                result = pipeline.execute(inputs, options);
            }
            assertTrue(result.storageFailed());
            assertTrue(result.partialReason().contains("no space left on device"), result.partialReason());
            Path journal = result.dir().file("journal.jsonl");
            List<String> lines = Files.readAllLines(journal);
            String text = Files.readString(journal);
            assertTrue(text.endsWith("\n"), "no torn line is left at the end");
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) json.readTree(line); // every line is a whole entry
            assertTrue(lines.size() < CALLS, lines.size() + " lines");
            // Calls already sent when the write failed finish; none starts after it. Unjournaled at that moment:
            // at most the answers of the 8 cases in flight (3 calls each) waiting for the writer, and the calls on
            // the wire. Without the stop the run went on to all 60 (issue 14: 464 sent, 142 journaled).
            int sent = server.requests().size();
            assertTrue(sent <= lines.size() + 3 * 8 + CONCURRENCY, sent + " sent, " + lines.size() + " journaled");
            assertTrue(sent < CALLS, "the run stopped spending: " + sent);

            CliRun resumed = CliRun.of("run", "--resume", result.dir().path().toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.out() + resumed.err());
            assertEquals(CALLS, Files.readAllLines(journal).size(), "every call journaled once");
            CliRun fresh = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--out", dir.resolve("fresh").toString());
            assertEquals(fresh.exitCode(), resumed.exitCode());
            Path freshDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("fresh"))) { freshDir = s.findFirst().orElseThrow(); }
            assertEquals(Files.readString(freshDir.resolve("axes.csv")), Files.readString(result.dir().file("axes.csv")));
            assertEquals(summary(freshDir), summary(result.dir().path()));
        }
    }

    @Test
    void aCorruptMiddleLineIsReportedWithItsLineNumber() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server);
            CliRun first = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--limit", "2", "--out", dir.resolve("o").toString());
            Path runDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("o"))) { runDir = s.findFirst().orElseThrow(); }
            Path journal = runDir.resolve("journal.jsonl");
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
            lines.set(2, "{\"key\": \"half a li");
            Files.write(journal, lines);
            CliRun resumed = CliRun.of("run", "--resume", runDir.toString(), "--quiet");
            assertEquals(4, resumed.exitCode(), first.err() + resumed.err());
            assertTrue(resumed.err().contains("journal.jsonl: line 3 "), resumed.err());
            assertFalse(resumed.err().contains("Exception"), resumed.err());
        }
    }

    private Path arena(FakeOpenAiServer server) throws Exception {
        server.fallback(DeterministicReplies::reply);
        ArenaFixture.goldenSet(dir, CASES);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", concurrency: " + CONCURRENCY + "}",
                "oa", "oa", "random", "");
    }

    private static List<String> summary(Path runDir) throws Exception {
        return Files.readAllLines(runDir.resolve("summary.csv")).stream().filter(l -> !l.contains("latency")).toList();
    }
}
