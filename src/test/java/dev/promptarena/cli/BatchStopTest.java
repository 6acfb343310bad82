package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode's poll wait: Ctrl-C during the wait between two polls stops the run at once (the injected sleeper
 * blocks until interrupted, so a stop that only took effect at the next poll would never end), the batch log
 * stays intact and a resume goes on polling the same batch; and {@code engine.batch_poll_seconds} sets the wait.
 */
class BatchStopTest {
    @TempDir Path dir;

    @Test
    void ctrlCDuringAPollWaitStopsTheRunAndTheResumeKeepsPollingTheSameBatch() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer().pollsBeforeDone(5)) {
            Path cfg = BatchModeTest.arena(dir, server, false, "");
            Path runDir = dir.resolve("run");
            var env = BatchModeTest.env(dir.resolve("cache"));
            CountDownLatch waiting = new CountDownLatch(1);
            // Blocks until interrupted: the run ends only if Ctrl-C cuts the wait short.
            BatchOptions.Sleeper blocking = d -> {
                waiting.countDown();
                new CountDownLatch(1).await();
            };
            EngineOptions engine = EngineOptions.defaults(env).withBatch(BatchOptions.of(BatchSettings.Retry.SYNC, null).withSleeper(blocking));
            RunOptions options = new RunOptions(null, null, 64, null, 1, true, List.of("run", cfg.toString(), "--batch", "--quiet"), engine,
                    null, runDir);
            try (RunPipeline p = new RunPipeline(env, new PrintStream(PrintStream.nullOutputStream()), (d, r, a) -> { })) {
                CompletableFuture<RunPipeline.Result> run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return p.execute(ArenaInputs.load(cfg, env, false), options);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                waiting.await(); // the run is inside its first poll wait
                p.interrupt(); // what RunCommand's shutdown hook does on Ctrl-C
                RunPipeline.Result stopped = run.join();
                assertTrue(stopped.partialReason().startsWith("interrupted"), stopped.partialReason()); // ExitCode maps this to 130
                assertNotNull(stopped.manifest().finishedAt());
                assertEquals(0, stopped.records().size());
            }
            assertEquals(1, server.creates());
            List<String> log = Files.readAllLines(runDir.resolve("batches.jsonl"));
            String batchId = new ObjectMapper().readTree(log.get(log.size() - 1)).get("id").asText();
            assertFalse(log.get(log.size() - 1).contains("COMPLETED"), log.toString());

            server.pollsBeforeDone(0); // the batch has ended meanwhile
            CliRun resumed = CliRun.of(env, "run", "--resume", runDir.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(2, server.creates(), "only the judge calls' batch is new");
            assertEquals(BatchModeTest.CALLS, server.itemsSubmitted(), "every request submitted exactly once");
            assertTrue(server.requests().stream().anyMatch(r -> r.path().equals("/v1/batches/" + batchId)));
            assertEquals(BatchModeTest.CALLS, BatchModeTest.engine(runDir).get("succeeded").asLong());
        }
    }

    @Test
    void batchPollSecondsSetsTheWaitAndBadValuesNameTheFileLineAndKey() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = BatchModeTest.arena(dir, server, false, "engine: {mode: batch, batch_poll_seconds: 7}");
            var arena = ArenaInputs.load(cfg, BatchModeTest.env(dir.resolve("cache")), false).config();
            assertEquals(7, arena.batch().pollSeconds());
            EngineOptions e = new BatchOption().apply(EngineOptions.defaults(java.util.Map.of()), arena, true, System.err);
            assertEquals(Duration.ofSeconds(7), e.batch().pollInterval());
            for (String bad : List.of("90000", "0", "soon")) {
                Files.writeString(cfg, Files.readString(cfg).replaceAll("batch_poll_seconds: [^}]+", "batch_poll_seconds: " + bad));
                CliRun r = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--quiet");
                assertEquals(2, r.exitCode(), r.err());
                assertTrue(r.err().contains("arena.yaml:") && r.err().contains("engine.batch_poll_seconds"), r.err());
                assertFalse(r.err().contains("Exception"), r.err());
            }
            assertEquals(0, server.requests().size());
        }
    }
}
