package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.ConfigLoader;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's engine flags: --dry-run, --max-cost, --no-cache, and provider presets. */
class EngineFlagsTest {
    @TempDir Path dir;

    private static Reply reply(FakeOpenAiServer.Recorded r) {
        if (!r.json().path("model").asText().equals("judge-model")) return Reply.ok("an answer");
        return Reply.ok("{\"winner\": \"B\", \"scores\": {\"A\": {\"Clarity\": 3, \"Policy citation\": 3}, \"B\": {\"Clarity\": 4, \"Policy citation\": 4}}, \"reason\": \"r\"}");
    }

    private Path config(FakeOpenAiServer server, int cases, String extra) throws Exception {
        ArenaFixture.goldenSet(dir, cases);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", concurrency: 1}", "oa", "oa", "random", extra);
    }

    @Test
    void dryRunCountsCallsAndCostAndCallsNothing() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = config(server, 6, "prices: {model-a: {input: 1.0, output: 2.0}, model-b: {input: 1.0, output: 2.0}, judge-model: {input: 0, output: 0}}");
            CliRun run = CliRun.of("run", cfg.toString(), "--dry-run", "--repeats", "2");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("calls: 36 (A 12, B 12, judge 12)"), run.out());
            assertTrue(run.out().contains("cost: ~$"), run.out());
            assertEquals(0, server.requests().size(), "a dry run calls nothing");
            assertFalse(Files.exists(dir.resolve("reports")), "and creates no run folder");
        }
    }

    @Test
    void maxCostStopsBeforeTheBudgetAndMarksTheRunPartial() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(EngineFlagsTest::reply);
            // A call may start only while spent + its bound (200 max_tokens x $100/M = $0.02, + input) fits the budget;
            // each generation really costs 11 x $1/M + 7 x $100/M = $0.000711, and its reservation is refunded on
            // completion, so cases run until about $0.03 - $0.02 = $0.01 is spent: some, not all 20.
            Path cfg = config(server, 20, "prices: {model-a: {input: 1.0, output: 100.0}, model-b: {input: 1.0, output: 100.0}, judge-model: {input: 0, output: 0}}");
            CliRun run = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "run", cfg.toString(), "--quiet",
                    "--max-cost", "0.03", "--concurrency", "1");
            assertEquals(ExitCode.INCONCLUSIVE.code(), run.exitCode(), "a budget-stopped run never passes: " + run.out() + run.err());
            assertTrue(run.err().contains("cost budget") && run.err().contains("--resume"), "err: " + run.err() + " out: " + run.out());
            Path runDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { runDir = s.findFirst().orElseThrow(); }
            JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
            assertTrue(manifest.get("partial").asBoolean(), manifest.get("partial") + " / " + manifest.get("partialReason") + " / " + run.err());
            JsonNode engine = new ObjectMapper().readTree(runDir.resolve("engine.json").toFile());
            assertTrue(engine.get("costUsd").asDouble() <= 0.03, engine.toString());
            assertTrue(run.err().contains("--max-cost USD"), "the resume command says how to raise the cap: " + run.err());
            assertTrue(engine.get("budgetExhausted").asBoolean() || engine.get("budgetSkipped").asLong() > 0, engine.toString());
            int judged = Files.readAllLines(runDir.resolve("cases.jsonl")).size();
            assertTrue(judged > 0 && judged < 20, judged + " cases finished before the budget");
            assertTrue(Files.readString(runDir.resolve("report.html")).contains("PARTIAL RUN"));

            // A higher cap on resume finishes the run and is recorded for later resumes.
            CliRun raised = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "run", "--resume", runDir.toString(),
                    "--quiet", "--max-cost", "1");
            assertTrue(List.of(0, 1, 3).contains(raised.exitCode()), raised.err());
            assertEquals(20, Files.readAllLines(runDir.resolve("cases.jsonl")).size(), raised.err());
            JsonNode after = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
            assertFalse(after.get("partial").asBoolean(), after.toString());
            assertTrue(after.get("args").toString().endsWith("\"--max-cost\",\"1.0\"]"), after.get("args").toString());
            assertEquals(1, after.get("args").toString().split("--max-cost", -1).length - 1, "the old cap is replaced, not kept");
        }
    }

    /**
     * A priced model called without max_tokens has no worst case the cap could hold (QA, eleventh session: a $10 cap
     * ended at $27.27 against a server answering 3,000 tokens): refused before anything is created or called.
     */
    @Test
    void maxCostRefusesAPricedModelWithoutMaxTokensBeforeCallingAnything() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(EngineFlagsTest::reply);
            Path cfg = config(server, 4, "prices: {model-a: {input: 1.0, output: 100.0}, model-b: {input: 1.0, output: 100.0}}");
            Files.writeString(cfg, Files.readString(cfg).replace("max_tokens: 200, ", ""));
            CliRun run = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "run", cfg.toString(), "--quiet",
                    "--max-cost", "10");
            assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode(), run.err());
            assertTrue(run.err().contains("arena.yaml:") && run.err().contains("--max-cost needs decoding.max_tokens")
                    && run.err().contains("variant base calls model-a"), run.err());
            assertEquals(0, server.requests().size(), "nothing called");
            assertFalse(Files.exists(dir.resolve("reports")), "no run folder");

            // Without a cap, or with max_tokens set for A and B (the judge keeps its default of 1,024), the run goes ahead.
            CliRun uncapped = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "run", cfg.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(uncapped.exitCode()), uncapped.err());
            Files.writeString(cfg, Files.readString(cfg).replace("temperature: 0, ", "temperature: 0, max_tokens: 200, "));
            CliRun capped = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache2").toString()), "run", cfg.toString(), "--quiet",
                    "--max-cost", "10");
            assertTrue(List.of(0, 1, 3).contains(capped.exitCode()), capped.err());
            // The judge's model has no price: it counts as $0, so the cap does not limit it, and the run says so first.
            assertTrue(capped.err().contains("warning: --max-cost does not limit models without a price (they count as $0): judge-model"),
                    capped.err());
            assertFalse(uncapped.err().contains("does not limit models"), "no cap, no warning: " + uncapped.err());
        }
    }

    @Test
    void aPresetFillsTypeBaseUrlAndKeyVariable() throws Exception {
        Path cfg = ArenaFixture.config(dir, "local: {preset: ollama}\ncloud: {preset: groq, concurrency: 3}", "local", "cloud", "random", "");
        ArenaFixture.goldenSet(dir, 2);
        ArenaConfig c = new ConfigLoader(Map.of()).load(cfg);
        assertEquals("openai", c.provider("local").type());
        assertEquals("http://localhost:11434/v1", c.provider("local").baseUrl());
        assertEquals("GROQ_API_KEY", c.provider("cloud").apiKeyEnv());
        assertEquals(3, c.provider("cloud").concurrency());
        Path bad = ArenaFixture.config(dir, "local: {preset: olama}", "local", "local", "random", "");
        CliRun run = CliRun.of("validate", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("did you mean 'ollama'"), run.err());
    }
}
