package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.InFlightBarrier;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each provider entry is an endpoint with its own limit: the models under test and the judge, given
 * entries of their own on the same server, are held to separate caps, measured at the server while
 * many more cases are in flight than either cap allows.
 */
class ProviderLimitsTest {
    @TempDir Path dir;

    @Test
    void theModelsUnderTestAndTheJudgeAreEachHeldToTheirOwnProvidersConcurrency() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            // Each kind of call is held at the server until its cap is in flight at once, so reaching the cap
            // does not depend on thread scheduling; 60 s only runs out if the client never reaches it.
            InFlightBarrier models = new InFlightBarrier(3, 60_000);
            InFlightBarrier judging = new InFlightBarrier(2, 60_000);
            server.fallback(r -> {
                boolean isJudge = r.json().path("model").asText().equals("judge-model");
                (isJudge ? judging : models).pass();
                return isJudge
                    ? Reply.ok("{\"winner\": \"B\", \"scores\": {\"A\": {\"Clarity\": 3, \"Policy citation\": 2}, "
                            + "\"B\": {\"Clarity\": 4, \"Policy citation\": 5}}, \"reason\": \"limits\"}")
                    : Reply.ok("An answer.");
            });
            ArenaFixture.goldenSet(dir, 24);
            String providers = """
                    models: {type: openai, base_url: "%s", api_key_env: TEST_KEY, concurrency: 3}
                    judging: {type: openai, base_url: "%s", api_key_env: TEST_KEY, concurrency: 2}
                    """.formatted(server.baseUrl(), server.baseUrl());
            Path config = ArenaFixture.config(dir, providers, "models", "judging", "random", "");

            CliRun run = CliRun.of(Map.of("TEST_KEY", "sk-limits-test-key-000"), "run", config.toString(), "--concurrency", "24", "-q");

            // The judge always names the second slot, so the decision is INCONCLUSIVE (3): the run itself completed.
            assertEquals(ExitCode.INCONCLUSIVE.code(), run.exitCode(), run.err());
            Predicate<Recorded> judge = r -> r.json().path("model").asText().equals("judge-model");
            assertEquals(24 * 3, server.requests().size());
            // Reached: the barriers saw the full cap in flight at once (24 cases queue far more than 3 and 2 calls).
            assertTrue(models.reached(), "generation calls never reached their cap of 3");
            assertTrue(judging.reached(), "judge calls never reached their cap of 2");
            // Never above it: the server's own count, which includes the time held in the barriers.
            assertEquals(3, server.peakInFlight(judge.negate()), "generation calls (A and B share the models entry)");
            assertEquals(2, server.peakInFlight(judge), "judge calls");
        }
    }
}
