package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never paying twice when a batch create's reply is lost (issue 21): the fake creates the batch, then closes the
 * connection without answering. The run journals the chunk as submitting before the create, finds the batch in the
 * provider's list (OpenAI by its metadata tag, Anthropic by size and time confirmed by the custom ids of its results) and
 * adopts it, never another client's batch of the same size; a resumed run does the same
 * for a chunk a killed session left submitting; a create that never arrived is retried.
 */
class BatchLostReplyTest {
    @TempDir Path dir;

    private RunPipeline.Result run(Path cfg, BatchOptions batch, Path runDir) throws Exception {
        var env = BatchModeTest.env(dir.resolve("cache"));
        RunOptions options = new RunOptions(null, null, 64, null, 1, true, List.of("run", cfg.toString(), "--batch", "--quiet"),
                EngineOptions.defaults(env).withBatch(batch), null, runDir);
        try (RunPipeline p = new RunPipeline(env, new PrintStream(PrintStream.nullOutputStream()), (d, r, a) -> { })) {
            return p.execute(ArenaInputs.load(cfg, env, false), options);
        }
    }

    private void adoptsTheBatchWhoseCreateReplyWasLost(boolean anthropic) throws Exception {
        // The first lookup's list request fails too: asked again after one poll wait (through the injected sleeper).
        try (FakeBatchServer server = new FakeBatchServer().dropCreateReplies(2).failLists(1)) {
            Path cfg = BatchModeTest.arena(dir, server, anthropic, "");
            List<String> lines = new ArrayList<>();
            List<java.time.Duration> sleeps = new ArrayList<>();
            RunPipeline.Result r = run(cfg, BatchOptions.of(BatchSettings.Retry.SYNC, lines::add).withSleeper(sleeps::add), dir.resolve("run"));
            assertEquals(1, sleeps.size(), "one wait after the failed list request");
            assertEquals(BatchModeTest.CASES, r.records().size());
            assertEquals(null, r.partialReason());
            assertEquals(2, server.creates(), "both lost creates' batches adopted, none created again");
            assertEquals(BatchModeTest.CALLS, server.itemsSubmitted(), "every request submitted exactly once");
            assertEquals(0, server.syncCalls(), "nothing retried synchronously");
            assertEquals(BatchModeTest.CALLS, BatchModeTest.engine(dir.resolve("run")).get("succeeded").asLong());
            assertEquals(2, lines.stream().filter(l -> l.contains("found the batch and adopted it")).count(), lines.toString());
            String log = Files.readString(dir.resolve("run").resolve("batches.jsonl"));
            assertTrue(log.contains("\"SUBMITTING\"") && log.contains("\"tag\":\"pa-"), log);
        }
    }

    @Test
    void openAiBatchWhoseCreateReplyWasLostIsFoundByItsMetadataTag() throws Exception {
        adoptsTheBatchWhoseCreateReplyWasLost(false);
    }

    @Test
    void anthropicBatchWhoseCreateReplyWasLostIsFoundBySizeTimeAndItsCustomIds() throws Exception {
        adoptsTheBatchWhoseCreateReplyWasLost(true);
    }

    @Test
    void aResumeLooksUpTheChunkAKilledSessionLeftSubmittingAndACreateThatNeverArrivedIsRetried() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer().dropCreateReplies(1)) {
            Path cfg = BatchModeTest.arena(dir, server, false, "");
            Path runDir = dir.resolve("run");
            // The reply is lost and the session is killed before it looks the batch up: the chunk is still "submitting".
            RunPipeline.Result killed = run(cfg, BatchOptions.of(BatchSettings.Retry.SYNC, null).haltingAfterSubmit(true), runDir);
            assertTrue(killed.partialReason().startsWith("interrupted"), killed.partialReason());
            List<String> log = Files.readAllLines(runDir.resolve("batches.jsonl"));
            assertEquals(1, log.size());
            assertTrue(log.get(0).contains("\"SUBMITTING\"") && log.get(0).contains("\"id\":null"), log.get(0));
            assertEquals(1, server.creates());

            CliRun resumed = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", "--resume", runDir.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(2, server.creates(), "the lost chunk adopted; only the judge calls' batch is new");
            assertEquals(BatchModeTest.CALLS, server.itemsSubmitted());
            assertEquals(0, server.syncCalls());
            assertEquals(BatchModeTest.CALLS, BatchModeTest.engine(runDir).get("succeeded").asLong());
        }
        // A create that failed before reaching the provider (listed nowhere) is retried, here synchronously.
        try (FakeBatchServer server = new FakeBatchServer().loseCreates(1)) {
            Files.createDirectories(dir.resolve("gone"));
            Path cfg = BatchModeTest.arena(dir.resolve("gone"), server, false, "");
            RunPipeline.Result r = run(cfg, BatchOptions.of(BatchSettings.Retry.SYNC, null), dir.resolve("gone-run"));
            assertEquals(BatchModeTest.CASES, r.records().size());
            assertEquals(1, server.creates(), "the generations' create never arrived; the judge calls' batch did");
            assertEquals(2 * BatchModeTest.CASES, server.syncCalls(), "the generations retried synchronously, once each");
            assertEquals(BatchModeTest.CALLS, BatchModeTest.engine(dir.resolve("gone-run")).get("succeeded").asLong());
        }
    }

    @Test
    void anthropicLookupAdoptsOnlyTheBatchHoldingOurCustomIdsNotAnotherClientsOfTheSameSize() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer().dropCreateReplies(1)) {
            // Another client's batch of the generations' size (2 per case), created just before ours and already ended.
            String foreign = server.foreignAnthropicBatch(2 * BatchModeTest.CASES, 0);
            Path cfg = BatchModeTest.arena(dir, server, true, "");
            List<String> lines = new ArrayList<>();
            RunPipeline.Result r = run(cfg, BatchOptions.of(BatchSettings.Retry.SYNC, lines::add).withSleeper(d -> { }), dir.resolve("run"));
            assertEquals(null, r.partialReason());
            assertEquals(2, server.creates(), "ours adopted, none created again");
            assertEquals(0, server.syncCalls(), "every answer came from our own batch: nothing paid twice");
            assertEquals(BatchModeTest.CALLS, BatchModeTest.engine(dir.resolve("run")).get("succeeded").asLong());
            assertEquals(1, lines.stream().filter(l -> l.contains("found the batch and adopted it")).count(), lines.toString());
            String log = Files.readString(dir.resolve("run").resolve("batches.jsonl"));
            assertFalse(log.contains("\"" + foreign + "\""), "the foreign batch is never adopted: " + log);
        }
    }

    @Test
    void anthropicLookupWaitsWhileASameSizedBatchRunsAndResendsOnlyOnceItProvesForeign() throws Exception {
        // Our create never arrived; another client's batch of the same size is in progress for two listings.
        try (FakeBatchServer server = new FakeBatchServer().loseCreates(1)) {
            String foreign = server.foreignAnthropicBatch(2 * BatchModeTest.CASES, 2);
            Path cfg = BatchModeTest.arena(dir, server, true, "");
            List<String> lines = new ArrayList<>();
            List<java.time.Duration> sleeps = new ArrayList<>();
            RunPipeline.Result r = run(cfg, BatchOptions.of(BatchSettings.Retry.SYNC, lines::add).withSleeper(sleeps::add), dir.resolve("run"));
            assertEquals(null, r.partialReason());
            assertEquals(2, sleeps.size(), "nothing resent while the same-sized batch ran: " + lines);
            assertEquals(1, lines.stream().filter(l -> l.contains(foreign + " has this chunk's size and time and is still in progress")).count(),
                    lines.toString());
            assertEquals(1, lines.stream().filter(l -> l.contains("no batch could be ours; 20 requests to retry")).count(), lines.toString());
            assertEquals(2 * BatchModeTest.CASES, server.syncCalls(), "the generations resent once each, after the other batch proved foreign");
            assertEquals(1, server.creates(), "the judge calls' batch");
            assertEquals(BatchModeTest.CALLS, BatchModeTest.engine(dir.resolve("run")).get("succeeded").asLong());
            assertFalse(Files.readString(dir.resolve("run").resolve("batches.jsonl")).contains("\"" + foreign + "\""));
        }
    }
}
