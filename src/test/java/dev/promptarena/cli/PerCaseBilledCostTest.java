package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's cost of A and B (cases.csv {@code cost_a_usd}/{@code cost_b_usd}, report.json {@code cases[].a.costUsd}) counts
 * the attempts of its call the provider billed without an answer, as engine.json does: before, it priced only the answer's
 * tokens (and a failed call at 0), so on a cold run the per-case costs summed to less than engine.json's cost per role.
 */
class PerCaseBilledCostTest {
    /** The fake's answer (11 input, 7 output tokens) at $1000/M in, $2000/M out. */
    private static final double ANSWER = (11 * 1000 + 7 * 2000) / 1e6;
    /** A billed attempt without an answer: 20 input, 5 output tokens. */
    private static final double BILLED = (20 * 1000 + 5 * 2000) / 1e6;

    @TempDir Path dir;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    /** Case c3's A (after 8 days): billed without an answer, then answered. Case c4's B (after 9 days): billed, then HTTP 400. */
    private Reply reply(Recorded r) {
        String model = r.json().path("model").asText();
        String user = r.lastUserText();
        boolean c3a = model.equals("model-a") && user.contains("after 8 days");
        boolean c4b = model.equals("model-b") && user.contains("after 9 days");
        if (!c3a && !c4b) return DeterministicReplies.reply(r);
        int n = seen.computeIfAbsent(model + user, k -> new AtomicInteger()).incrementAndGet();
        if (n == 1) {
            return new Reply("billed", 200, Map.of(), "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"" + model + "\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5}}", 0);
        }
        return c3a ? DeterministicReplies.reply(r) : Reply.error(400, "bad request");
    }

    @Test
    void aCaseCostsItsAnswerAndEveryAttemptBilledWithoutOneAndTheCasesSumToEngineJson() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(this::reply);
            ArenaFixture.goldenSet(dir, 10);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                    "random", "prices: {model-a: {input: 1000, output: 2000}, model-b: {input: 1000, output: 2000}, judge-model: {input: 0, output: 0}}");
            Map<String, String> env = Map.of("TEST_KEY", "sk-test", "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
            Path run = dir.resolve("run");
            CliRun r = CliRun.of(env, "run", cfg.toString(), "--quiet", "--run-dir", run.toString());

            Map<String, Map<String, String>> cases = cases(run);
            assertEquals(BILLED + ANSWER, Double.parseDouble(cases.get("c3").get("cost_a_usd")), 1e-12, r.err());
            assertEquals(BILLED, Double.parseDouble(cases.get("c4").get("cost_b_usd")), 1e-12, "a failed call costs what was billed");
            assertFalse(cases.get("c4").get("error_b").isEmpty(), "c4's B failed");
            JsonNode engine = new ObjectMapper().readTree(run.resolve("engine.json").toFile());
            assertEquals(engine.at("/byRole/A/costUsd").asDouble(), sum(cases, "cost_a_usd"), 1e-12, "cold run, no duplicates: cases sum to engine.json");
            assertEquals(engine.at("/byRole/B/costUsd").asDouble(), sum(cases, "cost_b_usd"), 1e-12);
            assertEquals(10 * ANSWER + BILLED, sum(cases, "cost_a_usd"), 1e-12);
            JsonNode report = new ObjectMapper().readTree(run.resolve("report.json").toFile());
            JsonNode c3 = null;
            for (JsonNode c : report.path("cases")) if (c.path("caseId").asText().equals("c3")) c3 = c;
            assertNotNull(c3, "report.json has case c3");
            assertEquals(BILLED + ANSWER, c3.at("/a/costUsd").asDouble(), 1e-12, c3.toString());

            // Resumed, c3's answer comes from the journal, which keeps what was billed before it: the same cost.
            CliRun again = CliRun.of(env, "run", "--resume", run.toString(), "--quiet");
            assertEquals(BILLED + ANSWER, Double.parseDouble(cases(run).get("c3").get("cost_a_usd")), 1e-12, again.err());
            // And engine.json's A tokens count the attempt billed before c3's answer once, as its cost: 10 answers + 1.
            JsonNode resumed = new ObjectMapper().readTree(run.resolve("engine.json").toFile());
            assertEquals(10 * 11 + 20, engine.at("/byRole/A/inputTokens").asLong(), "cold run");
            assertEquals(engine.at("/byRole/A/inputTokens").asLong(), resumed.at("/byRole/A/inputTokens").asLong(), "resumed: the same tokens");
            assertEquals(engine.at("/byRole/A/outputTokens").asLong(), resumed.at("/byRole/A/outputTokens").asLong());
            assertEquals(engine.at("/byRole/A/costUsd").asDouble(), resumed.at("/byRole/A/costUsd").asDouble(), 1e-12);
            // B's too: c4's failed call was billed 20 + 5 tokens, which its journal line now keeps (before, only the cost),
            // and its retry on resume fails unbilled, so nothing is added: 9 answers + 1 billed failure, cold and resumed.
            assertEquals(9 * 11 + 20, engine.at("/byRole/B/inputTokens").asLong(), "cold run");
            assertEquals(engine.at("/byRole/B/inputTokens").asLong(), resumed.at("/byRole/B/inputTokens").asLong(), "resumed: the same tokens");
            assertEquals(engine.at("/byRole/B/outputTokens").asLong(), resumed.at("/byRole/B/outputTokens").asLong());
            assertEquals(engine.at("/byRole/B/costUsd").asDouble(), resumed.at("/byRole/B/costUsd").asDouble(), 1e-12);
            // c4's failed B is asked again on resume (a failure is not served from the journal) and fails unbilled; the case
            // still costs what its slot's failed line was billed, which engine.json counted at open: before, it cost 0 and the
            // cases of B summed to $0.225 against engine.json's $0.255.
            Map<String, Map<String, String>> after = cases(run);
            assertEquals(BILLED, Double.parseDouble(after.get("c4").get("cost_b_usd")), 1e-12, "as in the uninterrupted run");
            assertEquals(resumed.at("/byRole/B/costUsd").asDouble(), sum(after, "cost_b_usd"), 1e-12, "resumed: cases sum to engine.json");
            assertEquals(resumed.at("/byRole/A/costUsd").asDouble(), sum(after, "cost_a_usd"), 1e-12);
        }
    }

    private static Map<String, Map<String, String>> cases(Path run) throws Exception {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (CSVReaderHeaderAware csv = new CSVReaderHeaderAware(new FileReader(run.resolve("cases.csv").toFile()))) {
            for (Map<String, String> row; (row = csv.readMap()) != null; ) out.put(row.get("case_id"), row);
        }
        return out;
    }

    private static double sum(Map<String, Map<String, String>> cases, String column) {
        return cases.values().stream().mapToDouble(c -> Double.parseDouble(c.get(column))).sum();
    }
}
