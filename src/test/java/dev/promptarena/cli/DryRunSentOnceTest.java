package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeBatchServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dry-run} counts the calls the run sends: in an A/A arena (B sends A's request on every case) a run with the
 * cache sends each request once, synchronously (IdenticalCalls) and in batch mode (one item), so the estimate counts it
 * once too. Each estimate is checked against what the same run then sent and paid on the fake provider.
 */
class DryRunSentOnceTest {
    @TempDir Path dir;

    private Path aaArena(FakeBatchServer server) throws Exception {
        Path cfg = BatchModeTest.arena(dir, server, false, "");
        List<String> lines = Files.readAllLines(cfg);
        String a = lines.stream().filter(l -> l.trim().startsWith("A:")).findFirst().orElseThrow();
        Files.write(cfg, lines.stream().map(l -> l.trim().startsWith("B:") ? a.replace("A:", "B:").replace("name: base", "name: cand") : l).toList());
        return cfg;
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertTrue(m.find(), regex + " in " + out);
        return Long.parseLong(m.group(1));
    }

    private static double maxCost(String out) {
        Matcher m = Pattern.compile("at most \\$([0-9.]+) in total").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    /** Dry run, then the same run; the dry run's calls must be the run's issued calls, its bound above the run's cost. */
    private void estimateMatchesTheRun(FakeBatchServer server, Path cfg, String name, long expectedGenerations, String... flags) throws Exception {
        var env = BatchModeTest.env(dir.resolve("cache-" + name));
        List<String> args = new java.util.ArrayList<>(List.of("run", cfg.toString(), "--quiet"));
        args.addAll(List.of(flags));
        List<String> dryArgs = new java.util.ArrayList<>(args);
        dryArgs.add("--dry-run");
        CliRun dry = CliRun.of(env, dryArgs.toArray(String[]::new));
        assertEquals(0, dry.exitCode(), dry.err());
        long calls = number(dry.out(), "calls: (\\d+) ");
        long generations = number(dry.out(), "\\(A (\\d+), B") + number(dry.out(), ", B (\\d+), judge");
        assertEquals(expectedGenerations, generations, name + ": " + dry.out());

        Path run = dir.resolve("run-" + name);
        args.addAll(List.of("--run-dir", run.toString()));
        CliRun r = CliRun.of(env, args.toArray(String[]::new));
        assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
        JsonNode e = BatchModeTest.engine(run);
        assertEquals(calls, e.get("issued").asLong(), name + ": the dry run's calls are the calls the run sent: " + e + "\n" + dry.out());
        assertTrue(e.get("costUsd").asDouble() <= maxCost(dry.out()) + 1e-4, name + ": " + e + "\n" + dry.out());
    }

    @Test
    void batchWithTheCacheCountsAAndBsIdenticalRequestOnce() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = aaArena(server);
            estimateMatchesTheRun(server, cfg, "batch", BatchModeTest.CASES, "--batch");
            assertEquals(BatchModeTest.CASES, server.itemModels().stream().filter("model-a"::equals).count());
        }
    }

    @Test
    void synchronousWithTheCacheCountsItOnceAndWithoutTheCacheTwice() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = aaArena(server);
            estimateMatchesTheRun(server, cfg, "sync", BatchModeTest.CASES);
            // --no-cache sends, and pays for, each: the estimate counts both roles.
            estimateMatchesTheRun(server, cfg, "nocache", 2L * BatchModeTest.CASES, "--no-cache");
        }
    }

    @Test
    void theDryRunSaysWhatItFoldedAndADistinctBIsStillCounted() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path aa = aaArena(server);
            CliRun dry = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", aa.toString(), "--dry-run", "--batch");
            assertTrue(dry.out().contains("identical requests: " + BatchModeTest.CASES + " more generations"), dry.out());
        }
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path ab = BatchModeTest.arena(Files.createDirectories(dir.resolve("ab")), server, false, "");
            CliRun dry = CliRun.of(BatchModeTest.env(dir.resolve("cache-ab")), "run", ab.toString(), "--dry-run", "--batch");
            assertEquals(2L * BatchModeTest.CASES, number(dry.out(), "\\(A (\\d+), B") + number(dry.out(), ", B (\\d+), judge"), dry.out());
            assertTrue(!dry.out().contains("identical requests"), dry.out());
        }
    }
}
