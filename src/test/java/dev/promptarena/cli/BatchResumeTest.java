package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.config.BatchSettings;
import dev.promptarena.engine.BatchOptions;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.RunPipeline;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeBatchServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode through {@link RunPipeline} with an injected sleeper and lowered limits: a run killed between
 * submit and poll resumes polling the journaled batch (no new submission for its requests), polling waits
 * through the sleeper (no wall-clock wait), and chunking honours the request and byte limits.
 */
class BatchResumeTest {
    @TempDir Path dir;

    private Map<String, String> env() { return BatchModeTest.env(dir.resolve("cache")); }

    private RunPipeline.Result run(Path cfg, BatchOptions batch, Path runDir, Path resume) throws Exception {
        EngineOptions engine = EngineOptions.defaults(env()).withBatch(batch);
        RunOptions options = new RunOptions(null, null, 64, null, 1, true, List.of("run", cfg.toString(), "--batch", "--quiet"), engine,
                resume, resume == null ? runDir : null);
        try (RunPipeline p = new RunPipeline(env(), new PrintStream(PrintStream.nullOutputStream()), (d, r, a) -> { })) {
            return p.execute(ArenaInputs.load(cfg, env(), false), options);
        }
    }

    @Test
    void aRunKilledAfterSubmittingResumesPollingTheSameBatchAndSubmitsNothingTwice() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = BatchModeTest.arena(dir, server, false, "");
            Path runDir = dir.resolve("run");
            BatchOptions halting = BatchOptions.of(BatchSettings.Retry.SYNC, null).haltingAfterSubmit(true);
            RunPipeline.Result killed = run(cfg, halting, runDir, null);
            assertEquals(0, killed.records().size());
            assertTrue(killed.partialReason().startsWith("interrupted"), killed.partialReason());
            assertEquals(1, server.creates());
            assertEquals(0, server.polls());
            List<String> log = Files.readAllLines(runDir.resolve("batches.jsonl"));
            assertEquals(2, log.size(), "journaled as submitting before the create, then with its id");
            assertEquals("SUBMITTING", new ObjectMapper().readTree(log.get(0)).get("state").asText());
            JsonNode entry = new ObjectMapper().readTree(log.get(1));
            assertEquals("SUBMITTED", entry.get("state").asText());
            assertEquals(2 * BatchModeTest.CASES, entry.get("customIds").size());
            String batchId = entry.get("id").asText();

            // The CLI's --resume replays the run's own command line (with --batch) in its folder.
            CliRun resumed = CliRun.of(env(), "run", "--resume", runDir.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(2, server.creates(), "only the judge calls' batch is new");
            assertEquals(BatchModeTest.CALLS, server.itemsSubmitted(), "every request submitted exactly once");
            assertTrue(server.requests().stream().anyMatch(r -> r.path().equals("/v1/batches/" + batchId)), "the journaled batch was polled");
            JsonNode engine = new ObjectMapper().readTree(runDir.resolve("engine.json").toFile());
            assertEquals(BatchModeTest.CALLS, engine.get("succeeded").asLong());
            assertEquals(0, server.syncCalls());
            // The batch log ends with both batches completed.
            List<String> states = Files.readAllLines(runDir.resolve("batches.jsonl"));
            assertTrue(states.get(states.size() - 1).contains("\"COMPLETED\""), states.toString());
        }
    }

    @Test
    void pollingWaitsThroughTheInjectedSleeperAndChunksHonourTheLimits() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer().pollsBeforeDone(2)) {
            Path cfg = BatchModeTest.arena(dir, server, true, "");
            List<Duration> sleeps = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            BatchOptions batch = BatchOptions.of(BatchSettings.Retry.SYNC, lines::add).withSleeper(sleeps::add).withLimits(4, null);
            RunPipeline.Result r = run(cfg, batch, dir.resolve("run"), null);
            assertEquals(BatchModeTest.CASES, r.records().size());
            // 20 generations in batches of at most 4, then 10 judge calls: 5 + 3 batches.
            assertEquals(8, server.creates());
            // Two polls "in progress" per round, each followed by one wait of the default interval; never a real sleep.
            assertEquals(List.of(BatchOptions.DEFAULT_POLL, BatchOptions.DEFAULT_POLL, BatchOptions.DEFAULT_POLL, BatchOptions.DEFAULT_POLL), sleeps);
            // Per batch: three polls (in progress, in progress, ended) and one read of the ended batch for its results.
            assertEquals(4 * 8, server.polls());
            assertTrue(lines.stream().anyMatch(l -> l.contains("in_progress")) && lines.stream().anyMatch(l -> l.contains("completed")), lines.toString());
        }
        try (FakeBatchServer server = new FakeBatchServer()) {
            Files.createDirectories(dir.resolve("bytes"));
            Path cfg = BatchModeTest.arena(dir.resolve("bytes"), server, false, "");
            long maxBytes = 3000;
            BatchOptions batch = BatchOptions.of(BatchSettings.Retry.SYNC, null).withLimits(null, maxBytes);
            RunPipeline.Result r = run(cfg, batch, dir.resolve("bytes-run"), null);
            assertEquals(BatchModeTest.CASES, r.records().size());
            assertTrue(server.creates() > 2, "split by size: " + server.creates());
            server.uploads().forEach(u -> assertTrue(u.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= maxBytes, u.length() + " bytes"));
            assertEquals(BatchModeTest.CALLS, server.itemsSubmitted());
        }
    }
}
