package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeBatchServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed batch item served to several identical requests (issue 21 review, item 4): cases c0 to c3 render the same
 * prompts, so each role sends ONE item for the four; it fails in the batch and in its synchronous retry. The engine
 * counts one failed call per case served from it, as it counts one succeeded call per case served from an answered item
 * and as a synchronous run counts (there each duplicate is sent and fails on its own): "failed" then equals the errored
 * sides the reports show, calls requested equal calls finished, and the provider billed nothing for the failures. Each
 * duplicate served from the failed item is a journal hit, as one served from an answered item is: before, it was in no
 * source count, so "issued + cache hits + from the journal" fell short of the calls requested by the duplicates.
 */
class BatchDuplicateFailureTest {
    @TempDir Path dir;

    @Test
    void aFailedItemSharedByFourCasesIsOneFailedCallPerCaseAndIsNotBilled() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer().failItems(body -> body.toString().contains("after 5 days")).syncStatus(400)) {
            Path cfg = BatchDuplicateCostTest.arenaWithDuplicates(dir, server, false);
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            assertEquals(4, r.exitCode(), r.out() + r.err()); // a run error: 4 of 10 cases lack answers
            JsonNode e = BatchModeTest.engine(run);
            assertEquals(2, server.syncCalls(), "one synchronous retry per failed item (A and B), not per case");
            long erroredSides = 0;
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(run.resolve("cases.jsonl"))) {
                JsonNode c = json.readTree(line);
                erroredSides += (c.path("a").path("error").asBoolean() ? 1 : 0) + (c.path("b").path("error").asBoolean() ? 1 : 0);
            }
            assertEquals(8, erroredSides, "c0 to c3 lack both answers");
            assertEquals(erroredSides, e.get("failed").asLong(), "failed calls = the errored sides the reports show");
            assertEquals(8, e.path("failuresByReason").path("FATAL 400").asLong(), e.toString());
            long requested = e.get("requested").asLong();
            assertEquals(requested, e.get("succeeded").asLong() + e.get("failed").asLong() + e.get("budgetSkipped").asLong(),
                    "every call asked of the engine has one outcome");
            // ... and one source: 20 items sent (7 A, 7 B, 6 judge), 6 duplicates served from the A and B items that failed.
            assertEquals(20, e.get("issued").asLong(), e.toString());
            assertEquals(6, e.get("journalHits").asLong(), e.toString());
            assertEquals(requested, e.get("issued").asLong() + e.get("cacheHits").asLong() + e.get("journalHits").asLong(), e.toString());
            // Billed: the 6 answered items of each role at half the list price (BatchDuplicateCostTest's prices); a failed item, nothing.
            assertEquals(0.5 * 6 * (0.025 + 0.025 + 0.040), e.get("costUsd").asDouble(), 1e-9);
            assertEquals(6, e.path("byRole").path("A").path("calls").asLong());
        }
    }
}
