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
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two cases whose prompts render the same share one paid answer. An uninterrupted run sends it once and serves the other
 * case as a cache hit (or an identical call waited for): both count as successful calls of the role and count the
 * answer's tokens, only the first its cost. A run killed after the first was journaled serves both cases on resume from
 * that one journal line: its cost once, at open, and its tokens per case served, so engine.json's calls, tokens and cost
 * per role and the cases' costs equal the uninterrupted run's (the rule for journal hits is the rule for cache hits).
 */
class DuplicateCasesResumeTest {
    private static final String PRICES = "prices: {model-a: {input: 1000, output: 2000}, model-b: {input: 3000, output: 4000}, "
            + "judge-model: {input: 500, output: 500}}";

    @TempDir Path dir;

    /** Six cases; c3 renders as c0 and c4 as c1 (the same message), so A and B each have two identical pairs. */
    private static void goldenWithDuplicates(Path dir) throws Exception {
        ArenaFixture.goldenSet(dir, 1); // the rubric
        List<String> lines = new ArrayList<>();
        int[] days = {5, 6, 7, 5, 6, 8};
        for (int i = 0; i < days.length; i++) {
            lines.add("{\"id\": \"c" + i + "\", \"customer_name\": \"Ana\", \"message\": \"My package hasn't arrived after " + days[i]
                    + " days\", \"context\": \"Shipping policy (S-1): late orders are traced and reshipped.\", \"reference\": \"Trace and reship.\"}");
        }
        Files.write(dir.resolve("golden.jsonl"), lines);
    }

    @Test
    void aResumeServingTwoCasesFromOneJournaledAnswerReportsTheUninterruptedRunsMoneyAndTokens() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            goldenWithDuplicates(dir);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                    "random", PRICES);
            Path cold = dir.resolve("cold");
            CliRun first = CliRun.of(env("cache-cold"), "run", cfg.toString(), "--quiet", "--run-dir", cold.toString());
            JsonNode coldEngine = engine(cold);
            assertTrue(coldEngine.path("cacheHits").asLong() >= 4, "the duplicates were cache hits: " + coldEngine + first.err());

            // The kill: every answer this run paid for is journaled, none of the hits it served from them yet (they would
            // have come next). The resumed run has its own, empty cache, so the hits can come only from the journal.
            Path killed = dir.resolve("killed");
            copy(cold, killed);
            Path journal = killed.resolve("journal.jsonl");
            List<String> paid = Files.readAllLines(journal).stream().filter(l -> !l.contains("\"cached\":true")).toList();
            assertEquals(coldEngine.path("issued").asLong(), paid.size(), "one journal line per paid call");
            Files.write(journal, paid);
            int sent = server.requests().size();
            CliRun resumed = CliRun.of(env("cache-resumed"), "run", "--resume", killed.toString(), "--quiet");
            assertEquals(sent, server.requests().size(), "nothing is sent again: " + resumed.err());

            JsonNode resumedEngine = engine(killed);
            assertTrue(resumedEngine.path("journalHits").asLong() > paid.size(), "cases were served twice from one line: " + resumedEngine);
            for (String role : List.of("A", "B", "JUDGE")) {
                JsonNode c = coldEngine.at("/byRole/" + role), r = resumedEngine.at("/byRole/" + role);
                assertEquals(c.path("calls").asLong(), r.path("calls").asLong(), role + " calls");
                assertEquals(c.path("inputTokens").asLong(), r.path("inputTokens").asLong(), role + " input tokens");
                assertEquals(c.path("outputTokens").asLong(), r.path("outputTokens").asLong(), role + " output tokens");
                assertEquals(c.path("costUsd").asDouble(), r.path("costUsd").asDouble(), 1e-12, role + " cost");
            }
            assertEquals(coldEngine.path("costUsd").asDouble(), resumedEngine.path("costUsd").asDouble(), 1e-12);
            assertEquals(caseCosts(cold), caseCosts(killed), "each case costs what it cost uninterrupted");
        }
    }

    private Map<String, String> env(String cache) {
        return Map.of("TEST_KEY", "sk-test", "PROMPT_ARENA_CACHE_DIR", dir.resolve(cache).toString());
    }

    private static JsonNode engine(Path run) throws Exception {
        return new ObjectMapper().readTree(run.resolve("engine.json").toFile());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /** Per case: its A and B cost, as cases.csv says. */
    private static Map<String, String> caseCosts(Path run) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (CSVReaderHeaderAware csv = new CSVReaderHeaderAware(new FileReader(run.resolve("cases.csv").toFile()))) {
            for (Map<String, String> row; (row = csv.readMap()) != null; ) {
                out.put(row.get("case_id"), row.get("cost_a_usd") + " " + row.get("cost_b_usd"));
            }
        }
        return out;
    }
}
