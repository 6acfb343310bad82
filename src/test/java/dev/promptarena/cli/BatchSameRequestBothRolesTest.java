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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode with A and B sending every case the same request (an A/A arena: B is A under another name). A synchronous
 * run with the cache sends each request once and serves the other role as a cache hit of its own; a batch run now does
 * the same: one item (A's, the lowest role, whatever order the cases came in), B served from its answer as a cache hit.
 * Before, each request went out twice, A's item and B's, both paid. Batches an older version submitted with an item of
 * each role are still recognized on resume: waited for, both answers landed and counted, nothing submitted again.
 */
class BatchSameRequestBothRolesTest {
    /** List price of one answer (11 input, 7 output tokens) of model-a, and the batch price: half. */
    private static final double ANSWER = (11 * 1000 + 7 * 2000) / 1e6;
    private static final double BATCH = 0.5;

    @TempDir Path dir;

    /** {@link BatchModeTest#arena} whose variant B is variant A renamed: same model, same prompts. */
    private Path aaArena(FakeBatchServer server) throws Exception {
        Path cfg = BatchModeTest.arena(dir, server, false, "");
        List<String> lines = Files.readAllLines(cfg);
        String a = lines.stream().filter(l -> l.trim().startsWith("A:")).findFirst().orElseThrow();
        List<String> aa = lines.stream().map(l -> l.trim().startsWith("B:") ? a.replace("A:", "B:").replace("name: base", "name: cand") : l).toList();
        Files.write(cfg, aa);
        return cfg;
    }

    private Map<String, String> env() { return BatchModeTest.env(dir.resolve("cache")); }

    private static long generationItems(FakeBatchServer server) {
        return server.itemModels().stream().filter("model-a"::equals).count();
    }

    @Test
    void oneItemPerRequestAndTheOtherRoleIsACacheHitOfItsOwn() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = aaArena(server);
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(env(), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
            assertEquals(BatchModeTest.CASES, generationItems(server), "one item per request, not one per role");
            assertEquals(0, server.syncCalls());
            JsonNode e = BatchModeTest.engine(run);
            assertEquals(BatchModeTest.CALLS, e.get("succeeded").asLong(), "every case still gets both answers: " + e);
            assertEquals(BatchModeTest.CASES, e.get("cacheHits").asLong(), "B's generations: " + e);
            assertEquals(BatchModeTest.CASES * BATCH * ANSWER, e.at("/byRole/A/costUsd").asDouble(), 1e-9, e.toString());
            assertEquals(0.0, e.at("/byRole/B/costUsd").asDouble(), 0.0, "B paid nothing: " + e);
            assertEquals(BatchModeTest.CASES, e.at("/byRole/B/calls").asLong());
            assertEquals(e.at("/byRole/A/inputTokens").asLong(), e.at("/byRole/B/inputTokens").asLong(), "B's hits count their tokens");
            double billed = BatchModeTest.CASES * BATCH * ANSWER + server.itemModels().stream().filter("judge-model"::equals).count()
                    * BATCH * (11 * 3000 + 7 * 1000) / 1e6;
            assertEquals(billed, e.get("costUsd").asDouble(), 1e-9, "engine.json's cost is what the provider billed");
            assertEquals(billed, journaled(run), 1e-9);
            assertEquals(BatchModeTest.CASES, Files.readAllLines(run.resolve("journal.jsonl")).stream()
                    .filter(l -> l.contains("\"role\":\"B\"") && l.contains("\"cached\":true")).count(), "each B journaled as a cache hit");

            // A resume of the finished run serves everything from the journal and counts it once.
            CliRun again = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertEquals(r.exitCode(), again.exitCode(), again.err());
            JsonNode resumed = BatchModeTest.engine(run);
            assertEquals(e.get("costUsd").asDouble(), resumed.get("costUsd").asDouble(), 1e-12);
            for (String role : List.of("A", "B", "JUDGE")) assertEquals(e.at("/byRole/" + role), resumed.at("/byRole/" + role), role);
        }
    }

    /**
     * The shared item fails (in its batch, then in its synchronous retry): it serves no one, so B's call is queued on its
     * own in the next round, as a synchronous waiter is sent after a failed first; here it fails the same way.
     */
    @Test
    void whenTheSharedItemFailsTheOtherRoleIsSentOnItsOwnNext() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.failItems(body -> body.toString().contains("after 8 days") && body.path("model").asText().equals("model-a"));
            server.syncStatus(400);
            Path cfg = aaArena(server);
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(env(), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            assertEquals(BatchModeTest.CASES + 1, generationItems(server), "A's items, then B's own for the failed one: " + r.err());
            assertEquals(2, server.syncCalls(), "each failed item retried once, synchronously");
            JsonNode e = BatchModeTest.engine(run);
            assertEquals(2, e.get("failed").asLong(), e.toString());
            assertEquals(2, e.at("/failuresByReason/FATAL 400").asLong(), "A's and then B's: " + e);
            assertEquals(BatchModeTest.CASES - 1, e.get("cacheHits").asLong(), "B's other generations: " + e);
        }
    }

    /**
     * A killed session's live batch with an item of each role for one request, as every version before this one
     * submitted it (made here by a session without the cache, which shares nothing): the resume waits for that batch,
     * submits no generation again, and counts both paid answers.
     */
    @Test
    void aResumedOlderBatchWithAnItemOfEachRoleIsWaitedForAndBothPaidAnswersCount() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            Path cfg = aaArena(server);
            Path run = dir.resolve("run");
            EngineOptions engine = EngineOptions.defaults(env()).withoutCache()
                    .withBatch(BatchOptions.of(BatchSettings.Retry.SYNC, null).haltingAfterSubmit(true));
            RunOptions options = new RunOptions(null, null, 64, null, 1, true, List.of("run", cfg.toString(), "--batch", "--quiet"), engine, null, run);
            try (RunPipeline p = new RunPipeline(env(), new PrintStream(PrintStream.nullOutputStream()), (d, res, a) -> { })) {
                assertTrue(p.execute(ArenaInputs.load(cfg, env(), false), options).partialReason().startsWith("interrupted"));
            }
            assertEquals(2 * BatchModeTest.CASES, server.itemsSubmitted(), "killed after submitting an A and a B item per request");

            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(2 * BatchModeTest.CASES, generationItems(server), "no generation submitted again");
            assertEquals(0, server.syncCalls());
            JsonNode e = BatchModeTest.engine(run);
            assertEquals(BatchModeTest.CALLS, e.get("succeeded").asLong(), e.toString());
            assertEquals(BatchModeTest.CASES * BATCH * ANSWER, e.at("/byRole/A/costUsd").asDouble(), 1e-9, e.toString());
            assertEquals(BatchModeTest.CASES * BATCH * ANSWER, e.at("/byRole/B/costUsd").asDouble(), 1e-9, "B's items were billed: " + e);
            assertEquals(journaled(run), e.get("costUsd").asDouble(), 1e-9);
        }
    }

    private static double journaled(Path run) throws Exception {
        double sum = 0;
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("journal.jsonl"))) sum += json.readTree(line).path("costUsd").asDouble();
        return sum;
    }
}
