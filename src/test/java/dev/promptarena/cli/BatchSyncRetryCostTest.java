package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeBatchServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch item that fails in its batch is retried synchronously ({@code batch_retry: sync}, the default) through the one
 * retry layer. An attempt of that retry the provider billed without an answer (a 200 with usage and no choices) is spent
 * like a synchronous call's: before, the retry layer was not told who pays, so engine.json showed only the answer.
 */
class BatchSyncRetryCostTest {
    /** List price of the fake's answer (11 input, 7 output tokens) of model-a or model-b: $1000/M in, $2000/M out. */
    private static final double ANSWER = (11 * 1000 + 7 * 2000) / 1e6;
    /** List price of the billed attempt without an answer: 20 input, 5 output tokens. */
    private static final double BILLED = (20 * 1000 + 5 * 2000) / 1e6;

    @TempDir Path dir;

    /** A 200 whose body parses and says what it used but has no answer: undecodable, billed. */
    private static Reply billedWithoutAnswer() {
        return new Reply("billed", 200, Map.of(), "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"model-a\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5}}", 0);
    }

    /** Case c3's A generation ("after 8 days") fails in the batch; the fake answers every other item. */
    private Path arena(FakeBatchServer server) throws Exception {
        server.failItems(body -> body.toString().contains("after 8 days") && body.path("model").asText().equals("model-a"));
        return BatchModeTest.arena(dir, server, false, "");
    }

    @Test
    void aBilledAttemptOfTheSyncRetryIsCountedAtListPriceWithTheAnswer() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.enqueueSync(billedWithoutAnswer()); // then the usual answer
            Path cfg = arena(server);
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
            assertEquals(2, server.syncCalls(), "the billed attempt and its retry");
            JsonNode e = BatchModeTest.engine(run);
            assertEquals(BatchModeTest.CALLS, e.get("succeeded").asLong());
            // 9 A items at the batch price (half), then both synchronous attempts at list price.
            double a = 9 * 0.5 * ANSWER + BILLED + ANSWER;
            assertEquals(a, e.path("byRole").path("A").path("costUsd").asDouble(), 1e-9, e.toString());
            assertEquals(10 * 11 + 20, e.path("byRole").path("A").path("inputTokens").asLong(), "the billed attempt's tokens count too");
            assertEquals(10 * 0.5 * ANSWER, e.path("byRole").path("B").path("costUsd").asDouble(), 1e-9);
            assertEquals(journaled(run), e.get("costUsd").asDouble(), 1e-9, "the journal holds the whole retry's cost");
        }
    }

    @Test
    void aSyncRetryThatFailsAfterABilledAttemptIsAFailedCallWithThatSpend() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.enqueueSync(billedWithoutAnswer(), new Reply("error", 400, Map.of(), "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}", 0));
            Path cfg = arena(server);
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--quiet", "--run-dir", run.toString());
            JsonNode e = BatchModeTest.engine(run);
            assertEquals(1, e.get("failed").asLong(), r.err());
            assertEquals(1, e.path("failuresByReason").path("FATAL 400").asLong(), e.toString());
            assertEquals(9 * 0.5 * ANSWER + BILLED, e.path("byRole").path("A").path("costUsd").asDouble(), 1e-9, e.toString());
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
