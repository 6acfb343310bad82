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
 * numbers of an uninterrupted run. Also: a corrupt middle line is an input error naming its line.
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

    /**
     * A hand-edited middle line: an input error (exit 2) as a damaged manifest.json is, naming the file and the line, what is
     * wrong and the way out, without a Java name, and with every byte of the folder as it was, {@code .lock} included (it
     * holds an ended process's pid here, so a rewrite with this process's pid shows). Before, it was exit 4.
     */
    @Test
    void aCorruptMiddleLineIsAnInputErrorNamingItsLineWithTheFolderUnchanged() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server);
            CliRun first = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--limit", "2", "--out", dir.resolve("o").toString());
            Path runDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("o"))) { runDir = s.findFirst().orElseThrow(); }
            Path journal = runDir.resolve("journal.jsonl");
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
            lines.set(2, "{\"key\": \"half a li");
            Files.write(journal, lines);
            Files.writeString(runDir.resolve(".lock"), endedProcessPid() + "\n");
            Map<String, String> before = contents(runDir);
            CliRun resumed = CliRun.of("run", "--resume", runDir.toString(), "--quiet");
            assertEquals(2, resumed.exitCode(), first.err() + resumed.err());
            List<String> errors = resumed.err().lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, errors.size(), resumed.err());
            String error = errors.get(0);
            assertTrue(error.startsWith("error: " + journal + ":3: not a journal entry (bytes "), error);
            assertTrue(error.contains("start a new run folder") && error.contains("its journal is the record of what was spent"), error);
            assertFalse(resumed.err().contains("Exception") || resumed.err().contains("java.") || resumed.err().contains("\tat "), resumed.err());
            assertEquals(before, contents(runDir), "the run folder is left as it was");
        }
    }

    /** The pid of a process that has ended: what a {@code .lock} holds after its run was killed. */
    static long endedProcessPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /** Each file of a folder with its bytes. */
    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) out.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
        return out;
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
