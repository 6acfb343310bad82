package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judge verdict that needed a re-ask (the first reply could not be read) costs both judge calls in its case's
 * {@code judge_cost_usd}, as engine.json counts both: also when the re-ask itself fails, where the trace used to keep
 * only what the failed re-ask was billed and drop the first call's cost.
 */
class JudgeRepairCostTest {
    /** The fake's answer (11 input, 7 output tokens) at the judge's $1000/M in, $2000/M out. */
    private static final double ANSWER = (11 * 1000 + 7 * 2000) / 1e6;

    @TempDir Path dir;

    /** Case c3's judge (after 8 days): unreadable, then a verdict. Case c4's judge (after 9 days): unreadable, then HTTP 400. */
    private static Reply reply(Recorded r) {
        boolean judge = r.json().path("model").asText().equals("judge-model");
        boolean c3 = r.body().contains("after 8 days");
        boolean c4 = r.body().contains("after 9 days");
        if (!judge || !(c3 || c4)) return DeterministicReplies.reply(r);
        boolean reAsk = r.lastUserText().startsWith("Your reply could not be read");
        if (!reAsk) return Reply.ok("I would rather not say in JSON.");
        return c3 ? Reply.ok(ArenaFixture.VERDICT) : Reply.error(400, "bad request");
    }

    @Test
    void aReAskedVerdictCostsBothJudgeCallsAndTheCasesSumToEngineJson() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(JudgeRepairCostTest::reply);
            ArenaFixture.goldenSet(dir, 10);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                    "random", "prices: {model-a: {input: 0, output: 0}, model-b: {input: 0, output: 0}, judge-model: {input: 1000, output: 2000}}");
            Map<String, String> env = Map.of("TEST_KEY", "sk-test", "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(env, "run", cfg.toString(), "--quiet", "--run-dir", run.toString());

            Map<String, Map<String, String>> cases = cases(run);
            assertEquals(2 * ANSWER, Double.parseDouble(cases.get("c3").get("judge_cost_usd")), 1e-12, "repaired: both calls. " + r.err());
            assertEquals(ANSWER, Double.parseDouble(cases.get("c4").get("judge_cost_usd")), 1e-12,
                    "the re-ask failed (billed nothing): the first, answered call still costs");
            JsonNode engine = new ObjectMapper().readTree(run.resolve("engine.json").toFile());
            double judgeCost = cases.values().stream().mapToDouble(c -> Double.parseDouble(c.get("judge_cost_usd"))).sum();
            assertEquals(engine.at("/byRole/JUDGE/costUsd").asDouble(), judgeCost, 1e-12, "cold run, no duplicates: cases sum to engine.json");
            assertEquals(11 * ANSWER, judgeCost, 1e-12, "ten first calls and two re-asks, one of them unanswered");
        }
    }

    private static Map<String, Map<String, String>> cases(Path run) throws Exception {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (CSVReaderHeaderAware csv = new CSVReaderHeaderAware(new FileReader(run.resolve("cases.csv").toFile()))) {
            for (Map<String, String> row; (row = csv.readMap()) != null; ) out.put(row.get("case_id"), row);
        }
        return out;
    }
}
