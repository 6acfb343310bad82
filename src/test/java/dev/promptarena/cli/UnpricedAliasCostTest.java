package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReaderHeaderAware;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.io.FileReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A variant whose model has no price (an alias, a deployment name) answered by a model that has one. Every call is
 * priced at the model it asked for, the variant's: before, the engine fell back to the answering model's list price, so
 * engine.json charged A for what every case of A reported at $0 (the cases no longer summed to it), the budget settled
 * money it had reserved nothing for (a worst case at the unpriced model is $0), so the spend passed --max-cost, which
 * CostCapChecks promises does not limit unpriced models, and the model was missing from engine.json's unpriced list.
 */
class UnpricedAliasCostTest {
    /** The cap: under what ten answers of 11 + 7 tokens cost at gpt-4o-mini's list price ($0.15/M in, $0.60/M out). */
    private static final double CAP = 1e-5;

    @TempDir Path dir;

    /** model-a is answered by a model the price table knows; everything else as usual. */
    private static Reply reply(Recorded r) {
        if (!r.json().path("model").asText().equals("model-a")) return DeterministicReplies.reply(r);
        return new Reply("alias", 200, Map.of(), "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A says " + Math.abs(r.lastUserText().hashCode() % 97)
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7}}", 0);
    }

    @Test
    void aVariantsCallsArePricedAtItsModelSoTheCasesSumToEngineJsonAndTheCapHolds() throws Exception {
        assertTrue(10 * (11 * 0.15 + 7 * 0.60) / 1e6 > CAP, "at the answering model's price the run would pass the cap");
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(UnpricedAliasCostTest::reply);
            ArenaFixture.goldenSet(dir, 10);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                    "random", "prices: {model-b: {input: 0, output: 0}, judge-model: {input: 0, output: 0}}");
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(Map.of("TEST_KEY", "sk-test", "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()),
                    "run", cfg.toString(), "--quiet", "--run-dir", run.toString(), "--max-cost", String.valueOf(CAP));
            assertTrue(r.err().contains("--max-cost does not limit models without a price") && r.err().contains("model-a"), r.err());

            JsonNode engine = new ObjectMapper().readTree(run.resolve("engine.json").toFile());
            assertEquals(10, engine.at("/byRole/A/calls").asLong(), "every case of A answered: " + engine);
            double casesA = 0;
            try (CSVReaderHeaderAware csv = new CSVReaderHeaderAware(new FileReader(run.resolve("cases.csv").toFile()))) {
                for (Map<String, String> row; (row = csv.readMap()) != null; ) casesA += Double.parseDouble(row.get("cost_a_usd"));
            }
            assertEquals(casesA, engine.at("/byRole/A/costUsd").asDouble(), 1e-15, "the cases of A sum to engine.json's A: " + engine);
            assertTrue(engine.path("costUsd").asDouble() <= CAP, "the spend stays under the cap: " + engine);
            assertEquals(false, engine.path("budgetExhausted").asBoolean(), engine.toString());
            assertTrue(engine.path("unpricedModels").toString().contains("model-a"), "model-a is reported unpriced: " + engine);
        }
    }
}
