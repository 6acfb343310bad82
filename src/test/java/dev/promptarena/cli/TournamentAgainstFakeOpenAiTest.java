package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tournament through the real HTTP client against the in-process fake server, counting what reaches the server:
 * each variant is generated once per case however many pairings it plays, and adding a variant to a finished
 * tournament (through the shared cache, or --resume through the run's journal) issues only its generations and the
 * judge calls of its new pairings.
 */
class TournamentAgainstFakeOpenAiTest {
    private static final int CASES = 24;
    private static final Pattern CASE = Pattern.compile("after (\\d+) days");
    private static final Pattern MARK = Pattern.compile("\\[\\[(model-[a-d])]]");

    @TempDir Path dir;

    /**
     * Generators answer with their model's mark; the judge prefers the later model letter (d > c > b > a), except on
     * every eighth case (the other one wins) and every fifth (tie), wherever each answer was shown.
     */
    private static Reply reply(Recorded r) {
        String model = r.json().path("model").asText();
        if (!model.equals("judge-model")) return Reply.ok("Answer [[" + model + "]] per shipping policy (S-1).");
        String user = r.lastUserText();
        Matcher m = MARK.matcher(user);
        m.find();
        String first = m.group(1);
        m.find();
        String second = m.group(1);
        Matcher c = CASE.matcher(r.body());
        int caseNo = c.find() ? Integer.parseInt(c.group(1)) - 5 : 0;
        boolean firstBetter = first.compareTo(second) > 0;
        if (caseNo % 8 == 0) firstBetter = !firstBetter;
        String winner = caseNo % 5 == 0 ? "tie" : firstBetter ? "A" : "B";
        String scores = "{\"A\": {\"Clarity\": 3, \"Policy citation\": 3}, \"B\": {\"Clarity\": 3, \"Policy citation\": 3}}";
        return Reply.ok("{\"winner\": \"" + winner + "\", \"scores\": " + scores + ", \"reason\": \"scripted\"}");
    }

    private Path config(String server, List<String> models, String schedule) throws IOException {
        StringBuilder v = new StringBuilder("variants:\n");
        for (String model : models) {
            v.append("  ").append(model.equals("model-a") ? "prod: {control: true, " : "v-" + model + ": {")
                    .append("provider: oa, model: ").append(model)
                    .append(", user: \"Customer name: {{customer_name}}\\nCustomer message: {{message}}\"}\n");
        }
        String yaml = """
                name: fixture
                dataset: golden.jsonl
                rubric: rubric.yaml
                output: reports
                providers:
                  oa: {type: openai, base_url: "%s", api_key_env: TEST_KEY}
                decoding: {temperature: 0, max_tokens: 200, seed: 1}
                %s
                tournament: {schedule: %s}
                judge: {provider: oa, model: judge-model, order: random, seed: 5}
                decision: {guardrails: {axis_drop_max: 5}}
                """.formatted(server, v.toString().stripTrailing(), schedule);
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private static Map<String, Long> byModel(List<Recorded> requests) {
        return requests.stream().collect(Collectors.groupingBy(r -> r.json().path("model").asText(), Collectors.counting()));
    }

    @Test
    void generatesEachVariantOncePerCaseAndJudgesEveryScheduledPair() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(TournamentAgainstFakeOpenAiTest::reply);
            ArenaFixture.goldenSet(dir, CASES);
            Path cfg = config(server.baseUrl(), List.of("model-a", "model-b", "model-c"), "round_robin");
            // No cache: the sharing is the run's own, not the response cache's.
            CliRun run = CliRun.of(Map.of("TEST_KEY", "k"), "run", cfg.toString(), "--no-cache", "-q", "--run-dir", dir.resolve("run").toString());
            assertEquals(Map.of("model-a", 24L, "model-b", 24L, "model-c", 24L, "judge-model", 72L), byModel(server.requests()),
                    run.out() + run.err());
            // c beats b beats a on 7 of every 8 cases (ties on every fifth): both candidates pass against the control.
            JsonNode report = new ObjectMapper().readTree(dir.resolve("run/report.json").toFile());
            assertEquals(2, report.path("schemaVersion").asInt());
            assertEquals("PASS", report.at("/analysis/decision/outcome").asText());
            assertEquals(ExitCode.PASS.code(), run.exitCode(), run.out() + run.err());
            // Both beat the control equally often, so the gate names the first in config order; the ranking, which also
            // sees c beat b, puts c first.
            assertEquals("v-model-b", report.at("/analysis/decision/best").asText());
            report.at("/analysis/decision/candidates").forEach(c -> assertEquals("PASS", c.at("/decision/outcome").asText()));
            for (String f : List.of("ranking.csv", "pairs.csv", "summary.md", "report.html", "tournament.json",
                    "pairs/prod-vs-v-model-b/cases.jsonl", "pairs/v-model-b-vs-v-model-c/report.html")) {
                assertTrue(Files.isRegularFile(dir.resolve("run").resolve(f)), f);
            }
            String ranking = Files.readString(dir.resolve("run/ranking.csv"));
            assertTrue(ranking.lines().skip(1).findFirst().orElseThrow().startsWith("1,v-model-c,"), ranking);

            // The same judge order as a two-variant run: each pair's presented order comes from the judge seed.
            JsonNode pair = new ObjectMapper().readTree(dir.resolve("run/pairs/prod-vs-v-model-b/manifest.json").toFile());
            assertEquals("model-b", pair.at("/variants/B/model").asText());
            assertEquals(5, pair.at("/judge/seed").asInt());

            // Add a variant and resume the finished run: only its 24 generations and its 3 new pairings' 72 judge calls.
            int before = server.requests().size();
            config(server.baseUrl(), List.of("model-a", "model-b", "model-c", "model-d"), "round_robin");
            CliRun resumed = CliRun.of(Map.of("TEST_KEY", "k"), "run", "--resume", dir.resolve("run").toString(), "--allow-changed-inputs");
            List<Recorded> added = server.requests().subList(before, server.requests().size());
            assertEquals(Map.of("model-d", 24L, "judge-model", 72L), byModel(added), resumed.out() + resumed.err());
            assertEquals(ExitCode.PASS.code(), resumed.exitCode(), resumed.out() + resumed.err());
            report = new ObjectMapper().readTree(dir.resolve("run/report.json").toFile());
            assertTrue(Files.readString(dir.resolve("run/ranking.csv")).lines().skip(1).findFirst().orElseThrow().startsWith("1,v-model-d,"));
            assertEquals(6, report.at("/layout/pairs").size());
        }
    }

    @Test
    void addingAVariantToAFinishedTournamentIssuesOnlyItsCallsThroughTheCache() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(TournamentAgainstFakeOpenAiTest::reply);
            ArenaFixture.goldenSet(dir, CASES);
            Map<String, String> env = Map.of("TEST_KEY", "k", "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
            Path cfg = config(server.baseUrl(), List.of("model-a", "model-b", "model-c"), "vs_control");
            CliRun first = CliRun.of(env, "run", cfg.toString(), "-q");
            assertEquals(Map.of("model-a", 24L, "model-b", 24L, "model-c", 24L, "judge-model", 48L), byModel(server.requests()),
                    first.out() + first.err());
            int before = server.requests().size();
            config(server.baseUrl(), List.of("model-a", "model-b", "model-c", "model-d"), "vs_control");
            CliRun second = CliRun.of(env, "run", cfg.toString(), "-q");
            List<Recorded> added = server.requests().subList(before, server.requests().size());
            assertEquals(Map.of("model-d", 24L, "judge-model", 24L), byModel(added), second.out() + second.err());
            // The dry run of the bigger tournament counts what the full run would call: 4 x 24 generations, 3 x 24 judge calls.
            CliRun dry = CliRun.of(env, "run", cfg.toString(), "--dry-run");
            assertTrue(dry.out().contains("calls: 168 (A 24, B 72, judge 72)"), dry.out());
            try (Stream<Path> runs = Files.list(dir.resolve("reports"))) {
                assertEquals(2, runs.filter(p -> !p.getFileName().toString().equals("latest")).count());
            }
        }
    }
}
