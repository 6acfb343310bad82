package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeBatchServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --batch} end to end through the CLI against {@link FakeBatchServer} (both providers' batch APIs
 * over real HTTP): the same numbers as a synchronous run at half the price, a warm synchronous re-run that is
 * all cache hits, partial failure and expiry retried as configured, the budget, and no secret anywhere.
 */
class BatchModeTest {
    static final int CASES = 10;
    /** 10 cases: 10 A + 10 B generations, then 10 judge calls (order: random, one per case). */
    static final int CALLS = 3 * CASES;
    static final String SECRET = "sk-batch-SECRET-0123456789";

    @TempDir Path dir;

    static Path arena(Path dir, FakeBatchServer server, boolean anthropic, String extra) throws Exception {
        ArenaFixture.goldenSet(dir, CASES);
        String provider = anthropic
                ? "p: {type: anthropic, base_url: \"" + server.rootUrl() + "\", api_key_env: BATCH_KEY, concurrency: 4}"
                : "p: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: BATCH_KEY, concurrency: 4}";
        return ArenaFixture.config(dir, provider, "p", "p", "random",
                "prices: {model-a: {input: 1000, output: 2000}, model-b: {input: 1000, output: 2000}, judge-model: {input: 3000, output: 1000}}\n" + extra);
    }

    static Map<String, String> env(Path cache) { return Map.of("BATCH_KEY", SECRET, "PROMPT_ARENA_CACHE_DIR", cache.toString()); }

    static JsonNode engine(Path run) throws Exception { return new ObjectMapper().readTree(run.resolve("engine.json").toFile()); }

    /** summary.csv without latency rows (batch answers carry no latency) and cases.csv's verdict columns. */
    static List<String> summary(Path run) throws Exception {
        return Files.readAllLines(run.resolve("summary.csv")).stream().filter(l -> !l.contains("latency") && !l.contains("cost")).toList();
    }

    @Test
    void openAiBatchesGiveTheSynchronousNumbersAtHalfThePriceAndAWarmRerunIsAllCacheHits() throws Exception {
        happyPath(false);
    }

    @Test
    void anthropicMessageBatchesGiveTheSynchronousNumbersAtHalfThePrice() throws Exception {
        happyPath(true);
    }

    private void happyPath(boolean anthropic) throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arena(dir, server, anthropic, "");
            Path batchRun = dir.resolve("batch");
            CliRun batch = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--run-dir", batchRun.toString());
            assertTrue(List.of(0, 1, 3).contains(batch.exitCode()), batch.out() + batch.err());
            // Two rounds: every generation in one batch, then every judge call; nothing sent synchronously.
            assertEquals(2, server.creates(), batch.err());
            assertEquals(CALLS, server.itemsSubmitted());
            assertEquals(0, server.syncCalls());
            assertTrue(batch.err().contains("submitted (20 requests)") && batch.err().contains("completed 10/10 done"), batch.err());
            JsonNode e = engine(batchRun);
            assertEquals(CALLS, e.get("issued").asLong());
            assertEquals(CALLS, e.get("succeeded").asLong());

            // The same arena synchronously (no cache): the same verdicts and statistics, at twice the cost.
            Path syncRun = dir.resolve("sync");
            CliRun sync = CliRun.of(env(dir.resolve("cache-sync")), "run", cfg.toString(), "--run-dir", syncRun.toString(), "--quiet");
            assertEquals(sync.exitCode(), batch.exitCode(), sync.err());
            assertEquals(CALLS, server.syncCalls());
            assertEquals(summary(syncRun), summary(batchRun));
            assertEquals(Files.readString(syncRun.resolve("axes.csv")), Files.readString(batchRun.resolve("axes.csv")));
            double syncCost = engine(syncRun).get("costUsd").asDouble();
            assertTrue(syncCost > 0);
            assertEquals(syncCost / 2, e.get("costUsd").asDouble(), 1e-9);

            // A warm synchronous re-run over the batch run's cache: every call a cache hit, none reaches the server.
            Path warm = dir.resolve("warm");
            CliRun again = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--run-dir", warm.toString(), "--quiet");
            assertEquals(batch.exitCode(), again.exitCode(), again.err());
            assertEquals(CALLS, engine(warm).get("cacheHits").asLong());
            assertEquals(0, engine(warm).get("issued").asLong());
            assertEquals(CALLS, server.syncCalls());
            assertEquals(summary(batchRun), summary(warm));

            assertNoSecret(server, batchRun, anthropic);
        }
    }

    /** The key authenticated every request (so the check can fail) but is in no upload, journal, batch log or report. */
    static void assertNoSecret(FakeBatchServer server, Path run, boolean anthropic) throws Exception {
        String auth = anthropic ? server.requests().get(0).header("x-api-key") : server.requests().get(0).header("Authorization");
        assertTrue(auth.contains(SECRET), "the fake saw the key");
        server.requests().forEach(r -> assertFalse(r.body().contains(SECRET), r.path()));
        server.uploads().forEach(u -> assertFalse(u.contains(SECRET)));
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) assertFalse(Files.readString(f).contains(SECRET), f.toString());
        }
        assertTrue(Files.exists(run.resolve("batches.jsonl")));
    }

    @Test
    void itemsThatFailInABatchAreRetriedSynchronouslyAndAFinalFailureKeepsItsOwnReason() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            // Case c3's generations ("after 8 days") fail inside the batch with HTTP 500.
            server.failItems(body -> body.toString().contains("after 8 days") && !body.path("model").asText().equals("judge-model"));
            Path cfg = arena(dir, server, false, "");
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
            assertEquals(2, server.syncCalls(), "both failed generations once more, synchronously");
            assertFalse(r.err().contains("batch "), "-q: no batch states on stderr: " + r.err());
            assertEquals(CALLS, engine(run).get("succeeded").asLong());
            assertEquals(0, engine(run).get("failed").asLong());
        }
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.failItems(body -> body.toString().contains("after 8 days") && !body.path("model").asText().equals("judge-model")).syncStatus(400);
            Files.createDirectories(dir.resolve("second"));
            Path cfg = arena(dir.resolve("second"), server, false, "");
            Path run = dir.resolve("second-run");
            CliRun r = CliRun.of(env(dir.resolve("cache2")), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            JsonNode e = engine(run);
            assertEquals(2, e.get("failed").asLong(), r.err());
            // Counted under the reason the retry failed with, as a synchronous run would count it.
            assertEquals(2, e.path("failuresByReason").path("FATAL 400").asLong(), e.toString());
            assertEquals(CALLS - 1, server.itemsSubmitted(), "case c3 has no judge call: its generations failed");
        }
    }

    @Test
    void anExpiredBatchIsRetriedInAFollowUpBatchWhenBatchRetryIsBatch() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.expireBatches(1);
            Path cfg = arena(dir, server, true, "engine: {mode: batch, batch_retry: batch}");
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--run-dir", run.toString());
            assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
            assertTrue(r.err().contains("expired"), r.err());
            assertEquals(3, server.creates(), "generations (expired), their follow-up batch, the judge calls");
            assertEquals(0, server.syncCalls());
            assertEquals(CALLS, engine(run).get("succeeded").asLong());
        }
    }

    @Test
    void theBudgetIsReservedBeforeSubmissionSoNothingBeyondItIsSubmitted() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arena(dir, server, false, "");
            Path run = dir.resolve("run");
            // Worst case per generation at batch price: ~(input + 200 output tokens) x $1000-2000/M x 0.5 = ~$0.25.
            CliRun r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet", "--max-cost", "1.0",
                    "--run-dir", run.toString());
            JsonNode e = engine(run);
            assertTrue(e.get("budgetSkipped").asLong() > 0, e.toString());
            assertTrue(e.get("costUsd").asDouble() <= 1.0, e.toString());
            assertTrue(server.itemsSubmitted() < 2 * CASES, "only what fits the cap was submitted: " + server.itemsSubmitted());
            assertTrue(r.err().contains("partial") || r.out().contains("partial"), r.out() + r.err());
        }
    }

    @Test
    void dryRunSaysBatchModeAndHalvesTheCost() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arena(dir, server, false, "");
            CliRun sync = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--dry-run");
            CliRun batch = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--dry-run", "--batch");
            assertTrue(batch.out().contains("batch mode"), batch.out());
            assertFalse(sync.out().contains("batch mode"), sync.out());
            assertEquals(maxCost(sync.out()) / 2, maxCost(batch.out()), 1e-3);
            assertEquals(0, server.requests().size());
        }
    }

    private static double maxCost(String out) {
        var m = java.util.regex.Pattern.compile("at most \\$([0-9.]+) in total").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void badBatchSettingsAreInputErrorsNamingTheFileLineAndKey() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arena(dir, server, false, "engine: {mdoe: batch}");
            CliRun r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--quiet");
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("arena.yaml") && r.err().contains("engine.mdoe") && r.err().contains("did you mean 'mode'"), r.err());
            Files.writeString(cfg, Files.readString(cfg).replace("{mdoe: batch}", "{mode: bacth}"));
            r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--quiet");
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("engine.mode") && r.err().contains("sync"), r.err());
            Files.writeString(cfg, Files.readString(cfg).replace("engine: {mode: bacth}", "engine: {batch_retry: later}"));
            r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--quiet");
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("engine.batch_retry"), r.err());
            Files.writeString(cfg, Files.readString(cfg).replace("concurrency: 4}", "concurrency: 4, options: {batch_discount: 1.5}}")
                    .replace("engine: {batch_retry: later}", ""));
            r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--quiet");
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("batch_discount") && r.err().contains("arena.yaml:"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals(0, server.requests().size());
            assertFalse(Files.exists(dir.resolve("reports")));
        }
    }

    @Test
    void sequentialDesignsRefuseBatchModeBeforeAnythingIsCreated() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arena(dir, server, false, "decision:\n  sequential: {looks: [0.5, 1.0], spending: obrien_fleming}");
            CliRun r = CliRun.of(env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet");
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("engine.mode") && r.err().contains("sequential"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(dir.resolve("reports")));
        }
    }
}
