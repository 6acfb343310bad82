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

    /** On the simulator alone, --batch changes nothing: the dry run and the run's terminal say so, once. */
    @Test
    void batchOnTheSimulatorAloneSaysItsCallsAreAnsweredDirectly() throws Exception {
        ArenaFixture.goldenSet(dir, 3);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random", "");
        String note = "batch: no provider this run calls (sim) has a batch API; its calls are answered directly, as without --batch";

        CliRun dryBatch = CliRun.of("run", cfg.toString(), "--dry-run", "--batch");
        assertEquals(0, dryBatch.exitCode(), dryBatch.err());
        assertEquals(1, count(dryBatch.out(), note), dryBatch.out());
        CliRun dry = CliRun.of("run", cfg.toString(), "--dry-run");
        assertEquals(0, count(dry.out() + dry.err(), "batch:"), "no batch line without --batch: " + dry.out());

        CliRun run = CliRun.of("run", cfg.toString(), "--batch", "--run-dir", dir.resolve("run").toString());
        assertTrue(List.of(0, 1, 3).contains(run.exitCode()), run.err());
        assertEquals(1, count(run.err(), note), run.err());
    }

    /** With one provider that has a batch API (the judge's), the calls do go in batches: no such line. */
    @Test
    void noNoteWhenSomeProviderHasABatchApi() throws Exception {
        ArenaFixture.goldenSet(dir, 3);
        Path cfg = ArenaFixture.config(dir, "p: {type: openai, base_url: \"http://127.0.0.1:9/v1\", api_key_env: BATCH_KEY}\nsim: {type: sim}",
                "sim", "p", "random", "");
        CliRun dry = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--dry-run", "--batch");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().startsWith("provider"), dry.out());
        assertEquals(0, count(dry.out() + dry.err(), "batch: no provider"), dry.out());
    }

    private static int count(String text, String line) { return text.split(java.util.regex.Pattern.quote(line), -1).length - 1; }
}
