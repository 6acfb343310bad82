package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.AnswerLimit;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a run, then {@code run --resume}: no call that completed before the kill
 * is issued again, and the final numbers equal those of an uninterrupted run with the same seed.
 */
class KillAndResumeTest {
    private static final int CASES = 40;
    private static final int CALLS = CASES * 3;

    @TempDir Path dir;

    @Test
    void aKilledRunResumesWithoutReissuingCompletedCallsAndEndsWithTheSameNumbers() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server);
            // The server answers 30 calls and holds the rest, so the run is killed at exactly 30 journaled calls.
            AnswerLimit gate = new AnswerLimit();
            gate.allow(30);
            server.fallback(rec -> gate.admit() ? DeterministicReplies.reply(rec) : FakeOpenAiServer.Reply.serverError());

            Process p = startRun(cfg, "killed");
            Path journal = waitForJournalLines(dir.resolve("killed"), 30, p);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush beyond what the journal already forced
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            Path runDir = journal.getParent();
            long completed = completedLines(journal);
            assertEquals(30, completed, "killed mid-run, with every answered call journaled");
            gate.allow(Long.MAX_VALUE);
            int before = server.requests().size();

            CliRun resumed = CliRun.of("run", "--resume", runDir.toString(), "--quiet");
            // Every call journaled before the kill is served from the journal; only the rest reach the server. The
            // resumed process's own counters say so exactly; on the server, a request the killed process wrote just
            // before SIGKILL may be handled after `before` was read, but it is an unjournaled call the resumed run
            // sends too, so the distinct bodies after `before` are exact whatever the timing.
            Map<?, ?> engine = new ObjectMapper().readValue(runDir.resolve("engine.json").toFile(), Map.class);
            assertEquals(completed, ((Number) engine.get("journalHits")).longValue());
            assertEquals(CALLS - completed, ((Number) engine.get("issued")).longValue(), resumed.err());
            assertEquals(CALLS - completed, ((Number) engine.get("attempts")).longValue(), resumed.err());
            var all = server.requests();
            assertEquals(CALLS - completed, all.subList(before, all.size()).stream().map(FakeOpenAiServer.Recorded::body).distinct().count());
            assertTrue(List.of(0, 1, 3, 4).contains(resumed.exitCode()), resumed.out() + resumed.err());

            CliRun fresh = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--out", dir.resolve("fresh").toString());
            assertEquals(fresh.exitCode(), resumed.exitCode());
            Path freshDir = onlyChild(dir.resolve("fresh"));
            for (String file : List.of("axes.csv", "segments.csv")) {
                assertEquals(Files.readString(freshDir.resolve(file)), Files.readString(runDir.resolve(file)), file);
            }
            assertEquals(winRateRows(freshDir), winRateRows(runDir));
        }
    }

    @Test
    void ctrlCFinishesTheCasesInFlightWritesAPartialReportExits130AndResumeCompletesWithoutRepeatingACall() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server);

            Process p = startRun(cfg, "stopped");
            Path journal = waitForJournalLines(dir.resolve("stopped"), 30, p);
            // What a terminal's Ctrl-C sends (bash's builtin kill: no procps needed). A process started in the
            // background without job control inherits SIGINT as ignored; then SIGTERM takes the same graceful path
            // (the JVM runs its shutdown hooks for both) and the exit status is 128 + 15 instead of 128 + 2.
            boolean intIgnored = sigintIgnored(p.pid());
            assertEquals(0, new ProcessBuilder("bash", "-c", "kill -" + (intIgnored ? "TERM " : "INT ") + p.pid()).start().waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String log = Files.readString(dir.resolve("stopped.log"));
            assertEquals(intIgnored ? 143 : 130, p.exitValue(), log);
            Path runDir = journal.getParent();
            assertTrue(log.contains("Resume with: prompt-arena run --resume " + runDir), log);
            String html = Files.readString(runDir.resolve("report.html"));
            assertTrue(html.contains("PARTIAL RUN") && html.contains("interrupted after "), "the report says it is partial and why");
            long completed = completedLines(journal);
            assertTrue(completed < CALLS, "stopped mid-run, with " + completed + " calls journaled");
            assertEquals(completed, server.requests().size(), "every call that was sent finished and was journaled");

            CliRun resumed = CliRun.of("run", "--resume", runDir.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3, 4).contains(resumed.exitCode()), resumed.out() + resumed.err());
            assertEquals(CALLS, server.requests().size(), "the resumed run sent only the calls that had not been made");
            assertTrue(!Files.readString(runDir.resolve("report.html")).contains("PARTIAL RUN"), "the finished report is not partial");
        }
    }

    /** {@link #CASES} golden cases and an arena on {@code server}, which answers after 40 ms, 3 calls at a time. */
    private Path arena(FakeOpenAiServer server) throws Exception {
        server.fallback(DeterministicReplies::reply).latency(40);
        ArenaFixture.goldenSet(dir, CASES);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", concurrency: 3}", "oa", "oa", "random", "");
    }

    /** The CLI in its own JVM, running {@code cfg} into {@code dir/<name>}, its output in {@code dir/<name>.log}. */
    private Process startRun(Path cfg, String name) throws Exception {
        return new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", cfg.toString(),
                "--quiet", "--no-cache", "--out", dir.resolve(name).toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /** Whether {@code pid} ignores SIGINT (signal 2: bit 1 of SigIgn in /proc/PID/status). */
    private static boolean sigintIgnored(long pid) throws Exception {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0;
        }
        return false;
    }

    /** summary.csv without the latency rows (wall-clock latencies differ between runs by nature). */
    private static List<String> winRateRows(Path runDir) throws Exception {
        return Files.readAllLines(runDir.resolve("summary.csv")).stream().filter(l -> !l.contains("latency")).toList();
    }

    private static Path waitForJournalLines(Path parent, int lines, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the run ended before it could be killed");
            if (Files.isDirectory(parent)) {
                try (Stream<Path> s = RunFolders.list(parent)) {
                    for (Path run : s.toList()) {
                        Path j = run.resolve("journal.jsonl");
                        if (Files.exists(j) && completedLines(j) >= lines) return j;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no journal with " + lines + " lines appeared");
    }

    private static long completedLines(Path journal) throws Exception {
        // Count whole lines only: a torn last line (killed mid-write) is ignored on resume.
        String text = new String(Files.readAllBytes(journal), StandardCharsets.UTF_8);
        return text.chars().filter(c -> c == '\n').count();
    }

    private static Path onlyChild(Path parent) throws Exception {
        try (Stream<Path> s = RunFolders.list(parent)) { return s.findFirst().orElseThrow(); }
    }

    private static String javaBin() { return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java"; }
}
