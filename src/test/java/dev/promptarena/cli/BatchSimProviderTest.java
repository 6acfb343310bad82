package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeBatchServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode with the variants on the in-process simulator (no batch API: asked directly) and the judge on a batch
 * provider: the collecting passes ask the simulator once per round, and those thrown-away answers are not attempts.
 */
class BatchSimProviderTest {
    @TempDir Path dir;

    @Test
    void simulatorCallsCountOneAttemptEachAsInASynchronousRun() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            ArenaFixture.goldenSet(dir, BatchModeTest.CASES);
            Path cfg = ArenaFixture.config(dir, "p: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: BATCH_KEY, concurrency: 4}\n"
                    + "sim: {type: sim}", "sim", "p", "random", "prices: {judge-model: {input: 3000, output: 1000}}");
            Path batchRun = dir.resolve("batch");
            CliRun batch = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet",
                    "--run-dir", batchRun.toString());
            assertTrue(List.of(0, 1, 3).contains(batch.exitCode()), batch.err());
            assertEquals(BatchModeTest.CASES, server.itemsSubmitted(), "the judge calls went in a batch");
            assertEquals(0, server.syncCalls());
            assertFalse(Files.exists(batchRun.resolve("batch-pending.jsonl")), "the spooled requests are deleted once they have landed");
            assertFalse(Files.exists(batchRun.resolve("batch-upload.jsonl")), "the upload is deleted once the batch is created");
            Path syncRun = dir.resolve("sync");
            CliRun sync = CliRun.of(BatchModeTest.env(dir.resolve("cache-sync")), "run", cfg.toString(), "--quiet", "--run-dir", syncRun.toString());
            assertEquals(batch.exitCode(), sync.exitCode(), sync.err());
            JsonNode b = BatchModeTest.engine(batchRun);
            JsonNode s = BatchModeTest.engine(syncRun);
            assertEquals(BatchModeTest.CALLS, s.get("attempts").asLong(), "synchronous: one attempt per call");
            assertEquals(s.get("attempts").asLong(), b.get("attempts").asLong(), "batch mode counts the same attempts");
            assertEquals(s.get("issued").asLong(), b.get("issued").asLong());
            assertEquals(BatchModeTest.summary(syncRun), BatchModeTest.summary(batchRun));
        }
    }
}
