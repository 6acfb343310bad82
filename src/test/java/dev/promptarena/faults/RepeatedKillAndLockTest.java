package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.cli.Main;
import dev.promptarena.testing.AnswerLimit;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.RunFolders;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 2 and validation: a run killed with SIGKILL at random points (mid-case, mid-resume)
 * three times in a row, then resumed, ends with the numbers of an uninterrupted run and no call issued
 * twice; while a process holds the run folder, a second one is refused (exit 2, naming the holder's
 * pid) and changes nothing. The kill points are drawn from a logged seed; the assertions hold for every
 * point, so the outcome does not depend on timing.
 */
class RepeatedKillAndLockTest {
    private static final int CASES = 30;
    private static final int CALLS = CASES * 3;

    @TempDir Path dir;

    @Test
    void killedThreeTimesAtRandomPointsThenResumedEndsWithTheNumbersOfAnUninterruptedRun() throws Exception {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        String why = "kill points from seed " + seed;
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            // The server answers only up to a limit and holds every request past it, so a run cannot get ahead of
            // the kill point: the journal reaches exactly the limit and stops there, whatever the scheduling.
            AnswerLimit gate = new AnswerLimit();
            server.fallback(rec -> gate.admit() ? DeterministicReplies.reply(rec) : FakeOpenAiServer.Reply.serverError());
            ArenaFixture.goldenSet(dir, CASES);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", concurrency: 3}", "oa", "oa", "random", "");

            long limit = gate.allow(1 + rnd.nextInt(CALLS / 4));
            Process p = start("run", cfg.toString(), "--quiet", "--no-cache", "--out", dir.resolve("killed").toString());
            Path journal = waitForLines(dir.resolve("killed"), limit, p, why);
            Path runDir = journal.getParent();

            // A second process on the same folder while the first holds it: refused, untouched.
            byte[] manifest = Files.readAllBytes(runDir.resolve("manifest.json"));
            CliRun second = CliRun.of("run", "--resume", runDir.toString(), "--quiet");
            assertEquals(2, second.exitCode(), second.err());
            assertTrue(second.err().contains("in use by another prompt-arena process (pid " + p.pid() + ")"), second.err());
            assertArrayEquals(manifest, Files.readAllBytes(runDir.resolve("manifest.json")), "the refused process wrote nothing");

            for (int kill = 1; kill <= 3; kill++) {
                if (kill > 1) {
                    long have = lines(journal);
                    assertEquals(gate.answered(), have, why + ": every answered call was journaled before the kill");
                    limit = gate.allow(Math.min(CALLS - 1, have + 1 + rnd.nextInt(CALLS / 4)));
                    p = start("run", "--resume", runDir.toString(), "--quiet");
                    waitForLines(runDir.getParent(), limit, p, why);
                }
                p.destroyForcibly(); // SIGKILL: no hook; the OS releases the folder lock
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            }
            long completed = lines(journal);
            assertEquals(gate.answered(), completed, why + ": every answered call was journaled before the kill");
            gate.allow(Long.MAX_VALUE);
            assertTrue(completed < CALLS, why + ": killed before the end, " + completed + " calls journaled");
            int before = server.requests().size();

            CliRun resumed = CliRun.of("run", "--resume", runDir.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), why + "\n" + resumed.out() + resumed.err());
            // The resumed process's own counters say what it sent: exactly the calls not journaled, once each.
            Map<?, ?> engine = new ObjectMapper().readValue(runDir.resolve("engine.json").toFile(), Map.class);
            assertEquals(completed, ((Number) engine.get("journalHits")).longValue());
            assertEquals(CALLS - completed, ((Number) engine.get("issued")).longValue(), why + ": only the calls not journaled were sent");
            assertEquals(CALLS - completed, ((Number) engine.get("attempts")).longValue(), why + ": no call was sent twice");
            // On the server side, counting requests after `before` would depend on scheduling: a request the
            // killed process wrote to its socket just before SIGKILL can reach the server's handler after
            // `before` was read. Such a request is a call whose answer was never journaled, so its body is one
            // the resumed run sends too. Distinct bodies are therefore exact whatever the timing.
            List<FakeOpenAiServer.Recorded> all = server.requests();
            long distinctAfter = all.subList(before, all.size()).stream().map(FakeOpenAiServer.Recorded::body).distinct().count();
            assertEquals(CALLS - completed, distinctAfter, why + ": the server saw only the calls not journaled");
            // A call in flight at a SIGKILL was sent but its answer never journaled, so it is sent again; no
            // other request is ever made: the server saw exactly the run's calls.
            long distinct = all.stream().map(FakeOpenAiServer.Recorded::body).distinct().count();
            assertEquals(CALLS, distinct, why);

            CliRun fresh = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--out", dir.resolve("fresh").toString());
            assertEquals(fresh.exitCode(), resumed.exitCode());
            Path freshDir = only(dir.resolve("fresh"));
            for (String file : List.of("axes.csv", "segments.csv")) {
                assertEquals(Files.readString(freshDir.resolve(file)), Files.readString(runDir.resolve(file)), why + ": " + file);
            }
            assertEquals(withoutLatency(freshDir), withoutLatency(runDir), why);
            assertFalse(Files.readString(runDir.resolve("report.html")).contains("PARTIAL RUN"));
        }
    }

    private Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> withoutLatency(Path runDir) throws Exception {
        return Files.readAllLines(runDir.resolve("summary.csv")).stream().filter(l -> !l.contains("latency")).toList();
    }

    private static Path waitForLines(Path parent, long lines, Process p, String why) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), why + ": the run ended before it could be killed at " + lines + " calls");
            if (Files.isDirectory(parent)) {
                try (Stream<Path> s = RunFolders.list(parent)) {
                    for (Path run : s.toList()) {
                        Path j = run.resolve("journal.jsonl");
                        if (Files.exists(j) && lines(j) >= lines) return j;
                    }
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError(why + ": no journal with " + lines + " lines appeared");
    }

    /** Whole lines only: a line torn by the kill is dropped on resume. */
    private static long lines(Path journal) throws Exception {
        return new String(Files.readAllBytes(journal), StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }

    private static Path only(Path parent) throws Exception {
        try (Stream<Path> s = RunFolders.list(parent)) { return s.findFirst().orElseThrow(); }
    }
}
