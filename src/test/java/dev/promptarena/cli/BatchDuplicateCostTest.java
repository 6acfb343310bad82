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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode with identical requests in one role (issue 21, lead's review): cases c0 to c3 render the same prompts,
 * so their generations share one request key and go out as ONE batch item each role. The provider bills that item
 * once; the reported spend (engine.json, per role and in total) must equal what it billed, in the session that
 * submitted the batch, after a kill and resume, and after resuming a finished run. The fake's answers carry fixed
 * usage (11 input, 7 output tokens), so each item's bill follows from its model alone.
 */
class BatchDuplicateCostTest {
    /** List price of one answer of each model under {@link BatchModeTest#arena}'s price table: 11 x in + 7 x out per million. */
    private static final Map<String, Double> LIST_USD = Map.of("model-a", (11 * 1000 + 7 * 2000) / 1e6,
            "model-b", (11 * 1000 + 7 * 2000) / 1e6, "judge-model", (11 * 3000 + 7 * 1000) / 1e6);
    /** The batch price: half the list price, applied once. */
    private static final double BATCH = 0.5;

    @TempDir Path dir;

    @Test
    void openAiDuplicateItemsAreReportedAtWhatTheProviderBilled() throws Exception { billedEqualsReported(false); }

    @Test
    void anthropicDuplicateItemsAreReportedAtWhatTheProviderBilled() throws Exception { billedEqualsReported(true); }

    private void billedEqualsReported(boolean anthropic) throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arenaWithDuplicates(server, anthropic);
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
            // Three duplicate generations per variant folded into the first: 7 A + 7 B items, not 10 + 10.
            assertEquals(7, count(server, "model-a"));
            assertEquals(7, count(server, "model-b"));
            assertEquals(0, server.syncCalls());
            assertReportedIsBilled(server, run);
            assertEquals(BatchModeTest.CALLS, BatchModeTest.engine(run).get("succeeded").asLong(), "every case still gets its answers");
        }
    }

    @Test
    void aKilledBatchRunResumedAndResumedAgainAfterItFinishedReportsWhatWasBilled() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arenaWithDuplicates(server, false);
            Path run = dir.resolve("run");
            EngineOptions engine = EngineOptions.defaults(env()).withBatch(BatchOptions.of(BatchSettings.Retry.SYNC, null).haltingAfterSubmit(true));
            RunOptions options = new RunOptions(null, null, 64, null, 1, true, List.of("run", cfg.toString(), "--batch", "--quiet"), engine, null, run);
            try (RunPipeline p = new RunPipeline(env(), new PrintStream(PrintStream.nullOutputStream()), (d, res, a) -> { })) {
                assertTrue(p.execute(ArenaInputs.load(cfg, env(), false), options).partialReason().startsWith("interrupted"));
            }
            assertEquals(14, server.itemsSubmitted(), "killed after submitting the generations");

            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertReportedIsBilled(server, run);

            // Every answer is in the journal now: a further resume issues nothing and must not count the journal twice.
            int items = server.itemsSubmitted();
            CliRun again = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertEquals(resumed.exitCode(), again.exitCode(), again.err());
            assertEquals(items, server.itemsSubmitted());
            assertEquals(0, BatchModeTest.engine(run).get("issued").asLong());
            assertReportedIsBilled(server, run);
        }
    }

    @Test
    void synchronouslyEachDuplicateIsSentAndPaidAndAResumeCountsEveryPaidCallOnce() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = arenaWithDuplicates(server, false);
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(BatchModeTest.env(dir.resolve("no-cache")), "run", cfg.toString(), "--quiet", "--no-cache", "--run-dir", run.toString());
            assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
            assertEquals(BatchModeTest.CALLS, server.syncCalls(), "no batch: the duplicates are sent (and billed) too");
            double billed = server.requests().stream().filter(q -> q.path().endsWith("/chat/completions"))
                    .mapToDouble(q -> LIST_USD.get(q.json().path("model").asText())).sum();
            assertEquals(billed, BatchModeTest.engine(run).get("costUsd").asDouble(), 1e-9);
            // The journal holds two paid lines for each duplicated slot; a resume counts both, once, and sends nothing.
            CliRun again = CliRun.of(BatchModeTest.env(dir.resolve("no-cache")), "run", "--resume", run.toString(), "--quiet");
            assertEquals(r.exitCode(), again.exitCode(), again.err());
            assertEquals(BatchModeTest.CALLS, server.syncCalls());
            assertEquals(billed, BatchModeTest.engine(run).get("costUsd").asDouble(), 1e-9);
        }
    }

    private Map<String, String> env() { return BatchModeTest.env(dir.resolve("cache")); }

    private Path arenaWithDuplicates(FakeBatchServer server, boolean anthropic) throws Exception { return arenaWithDuplicates(dir, server, anthropic); }

    /** {@link BatchModeTest#arena} whose cases c0 to c3 carry the same message (different ids): "after 5 days". */
    static Path arenaWithDuplicates(Path dir, FakeBatchServer server, boolean anthropic) throws Exception {
        Path cfg = BatchModeTest.arena(dir, server, anthropic, "");
        Path golden = dir.resolve("golden.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(golden));
        for (int i = 1; i < 4; i++) lines.set(i, lines.get(i).replace("after " + (i + 5) + " days", "after 5 days"));
        Files.write(golden, lines);
        return cfg;
    }

    private static long count(FakeBatchServer server, String model) { return server.itemModels().stream().filter(model::equals).count(); }

    /** engine.json's cost, in total and per role, and the journal's, equal the batch price of the items the fake received. */
    private static void assertReportedIsBilled(FakeBatchServer server, Path run) throws Exception {
        double billed = server.itemModels().stream().mapToDouble(m -> BATCH * LIST_USD.get(m)).sum();
        assertTrue(billed > 0);
        JsonNode e = BatchModeTest.engine(run);
        assertEquals(billed, e.get("costUsd").asDouble(), 1e-9, e.toString());
        assertEquals(BATCH * LIST_USD.get("model-a") * count(server, "model-a"), e.path("byRole").path("A").path("costUsd").asDouble(), 1e-9);
        assertEquals(BATCH * LIST_USD.get("model-b") * count(server, "model-b"), e.path("byRole").path("B").path("costUsd").asDouble(), 1e-9);
        double journaled = 0;
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("journal.jsonl"))) journaled += json.readTree(line).path("costUsd").asDouble();
        assertEquals(billed, journaled, 1e-9, "the journal holds each billed item once");
    }
}
