package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.canary.Traces;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import dev.promptarena.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online judge through the real client against the in-process fake OpenAI server, like {@code run}. */
class ScoreCommandTest {
    private static final String KEY = "sk-test-SECRETscorekey";
    @TempDir Path dir;

    /** Good outputs score Clarity 5, poor ones 2; "GARBLE" gets an unreadable reply every time. */
    private static Reply judge(Recorded r) {
        String user = r.json().at("/messages/1/content").asText(); // the scoring prompt (a re-ask appends messages)
        if (user.contains("GARBLE")) return Reply.ok("I would rather not say.");
        boolean good = user.contains("per policy S-1");
        return Reply.ok("{\"scores\": {\"Clarity\": " + (good ? 5 : 2) + ", \"Policy citation\": " + (good ? 4 : 1) + "}, \"reason\": \"scripted\"}");
    }

    private Path traces(int perDay) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < perDay; i++) {
                // Day 1: all good. Day 2: mostly poor (the drift the report must show).
                String output = d == 0 || i % 5 == 0 ? "We trace and reship per policy S-1." : "Please wait.";
                if (d == 0 && i == 7) output = "GARBLE";
                lines.add(String.format("{\"trace_id\": \"tr-%d-%d\", \"timestamp\": \"2026-05-0%dT%02d:00:00Z\", \"request\": \"Where is my parcel?\", "
                        + "\"context\": \"Shipping policy (S-1)\", \"output\": \"%s\"}", d, i, d + 1, i % 24, output));
            }
        }
        return Files.write(dir.resolve("traces.jsonl"), lines);
    }

    /** The fixture arena against {@code server}, which answers as the judge; its judge model is priced. */
    private Path arena(FakeOpenAiServer server) throws Exception {
        server.fallback(ScoreCommandTest::judge);
        ArenaFixture.goldenSet(dir, 2);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                "random", "prices: {judge-model: {input: 1000, output: 1000}}");
    }

    /**
     * {@code --score-dir}: the exact folder, which CI and {@code canary check --scores} name in advance (docs/canary.md),
     * instead of a time-stamped one to find by listing. A non-empty folder is refused before any work, and nothing in it
     * changes; with {@code --out} it is refused too, creating nothing.
     */
    @Test
    void scoreDirIsTheExactFolderAndIsNeverWrittenOver() throws Exception {
        Path traces = traces(20);
        Map<String, String> env = Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
        Path target = dir.resolve("scores").resolve("treatment-1");
        CliRun r = CliRun.of(env, "score", traces.toString(), "--judge", "examples/support-bot.arena.yaml", "--sample", "0.5",
                "--seed", "7", "--score-dir", target.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Files.isRegularFile(target.resolve("score-windows.csv")), r.out());
        try (Stream<Path> s = Files.list(dir.resolve("scores"))) {
            assertEquals(List.of(target), s.toList(), "only the folder asked for");
        }
        String windows = Files.readString(target.resolve("score-windows.csv"));
        var modified = Files.getLastModifiedTime(target.resolve("score-windows.csv"));

        CliRun again = CliRun.of(env, "score", traces.toString(), "--judge", "examples/support-bot.arena.yaml", "--score-dir", target.toString());
        assertEquals(2, again.exitCode(), again.out() + again.err());
        assertTrue(again.err().contains(target.toString()) && again.err().contains("--score-dir: the folder is not empty"), again.err());
        assertFalse(again.err().contains("Exception") || again.err().contains("\tat "), again.err());
        assertEquals(windows, Files.readString(target.resolve("score-windows.csv")));
        assertEquals(modified, Files.getLastModifiedTime(target.resolve("score-windows.csv")));

        Path other = dir.resolve("elsewhere");
        CliRun both = CliRun.of(env, "score", traces.toString(), "--judge", "examples/support-bot.arena.yaml", "--score-dir",
                other.toString(), "--out", dir.resolve("parent").toString());
        assertEquals(2, both.exitCode(), both.out() + both.err());
        assertTrue(both.err().contains("not both"), both.err());
        assertFalse(Files.exists(other) || Files.exists(dir.resolve("parent")), "nothing created");
    }

    /**
     * The README's command with the bundled example's simulated judge: every sampled trace is scored. The simulator used
     * to answer the pointwise prompt with a support reply, so all of them were unparseable and score exited 4.
     */
    @Test
    void theBundledExamplesSimulatedJudgeScoresEverySampledTrace() throws Exception {
        Path traces = traces(20);
        CliRun r = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "score", traces.toString(), "--judge",
                "examples/support-bot.arena.yaml", "--sample", "0.5", "--seed", "7", "--out", dir.resolve("scores").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Path folder;
        try (Stream<Path> s = Files.list(dir.resolve("scores"))) {
            folder = s.findFirst().orElseThrow();
        }
        JsonNode summary = new ObjectMapper().readTree(folder.resolve("score-summary.json").toFile());
        assertTrue(summary.path("sampled").asInt() > 0, summary.toString());
        assertEquals(summary.path("sampled").asInt(), summary.path("scored").asInt(), summary.toString());
        assertEquals(0, summary.path("unparseable").asInt(), summary.toString());
        // The heuristics read the response: naming the policy scores higher on Policy citation than a bare "Please wait."
        String scores = Files.readString(folder.resolve("scores.jsonl"));
        assertTrue(scores.contains("\"Policy citation\":3") || scores.contains("\"Policy citation\":4"), scores);
        assertTrue(scores.contains("\"Policy citation\":1") || scores.contains("\"Policy citation\":2"), scores);
    }

    /** As run: under --max-cost, a priced judge whose decoding leaves out max_tokens is refused before anything is written or called. */
    @Test
    void maxCostRefusesAPricedJudgeWithoutMaxTokens() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server);
            Files.writeString(cfg, Files.readString(cfg).replace("seed: 5}", "seed: 5, decoding: {temperature: 0}}"));
            CliRun r = CliRun.of(Map.of("TEST_KEY", KEY, "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "score",
                    traces(4).toString(), "--judge", cfg.toString(), "--out", dir.resolve("scores").toString(), "--max-cost", "1");
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("--max-cost needs decoding.max_tokens") && r.err().contains("judge"), r.err());
            assertEquals(0, server.requests().size());
            assertFalse(Files.exists(dir.resolve("scores")), "nothing written");
        }
    }

    @Test
    void scoresThePredeclaredSampleWithResumeAndBudget() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server);
            Path traces = traces(20);
            Set<String> expected = new HashSet<>();
            for (int d = 0; d < 2; d++) for (int i = 0; i < 20; i++) if (Traces.sampled("tr-" + d + "-" + i, 3, 0.5)) expected.add("tr-" + d + "-" + i);
            boolean garbleSampled = expected.contains("tr-0-7");
            int calls = expected.size() + (garbleSampled ? 1 : 0); // one re-ask for the unreadable reply
            Map<String, String> env = Map.of("TEST_KEY", KEY, "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());

            // A budget of ~5 calls (18 tokens x $1000/M = $0.018 each): stops cleanly, partial, exit 3.
            CliRun first = CliRun.of(env, "score", traces.toString(), "--judge", cfg.toString(), "--sample", "0.5", "--seed", "3",
                    "--out", dir.resolve("scores").toString(), "--max-cost", "0.1");
            assertEquals(3, first.exitCode(), first.out() + first.err());
            Path scoreDir;
            try (Stream<Path> s = Files.list(dir.resolve("scores"))) {
                scoreDir = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            int afterFirst = server.requests().size();
            assertTrue(afterFirst < calls, afterFirst + " of " + calls);

            CliRun resumed = CliRun.of(env, "score", traces.toString(), "--judge", cfg.toString(), "--sample", "0.5", "--seed", "3",
                    "--resume", scoreDir.toString(), "--no-cache");
            assertEquals(garbleSampled && 1 > 0.05 * expected.size() ? 4 : 0, resumed.exitCode(), resumed.out() + resumed.err());
            // Money: every needed call reached the server exactly once over both invocations (the journal served the rest).
            assertEquals(calls, server.requests().size());
            assertEquals(calls, server.requests().stream().map(Recorded::body).distinct().count());

            ObjectMapper json = new ObjectMapper();
            Set<String> scored = new HashSet<>();
            for (String line : Files.readAllLines(scoreDir.resolve("scores.jsonl"))) {
                JsonNode n = json.readTree(line);
                scored.add(n.path("trace_id").asText());
                String status = n.path("status").asText();
                assertEquals(n.path("trace_id").asText().equals("tr-0-7") ? "unparseable" : "ok", status, line);
            }
            assertEquals(expected, scored, "exactly the predeclared sample, linked by trace id");
            JsonNode manifest = json.readTree(scoreDir.resolve("score-manifest.json").toFile());
            assertEquals("judge-model", manifest.at("/judge/model").asText());
            assertEquals(3, manifest.at("/sample/seed").asLong());
            assertEquals("TEST_KEY", manifest.at("/provider/apiKeyEnv").asText());
            assertFalse(manifest.path("partial").asBoolean());
            for (Path f : Files.list(scoreDir).toList()) assertFalse(Files.readString(f).contains(KEY), f.toString());

            // Day 2 drifts down on Clarity against day 1 (all 5s): drift < 0 with a small p.
            JsonNode summary = json.readTree(scoreDir.resolve("score-summary.json").toFile());
            JsonNode day2 = null;
            for (JsonNode w : summary.path("windows")) if (w.path("axis").asText().equals("Clarity") && w.path("windowStart").asText().startsWith("2026-05-02")) day2 = w;
            assertTrue(day2 != null && day2.path("drift").asDouble() < -1.5 && day2.path("driftP").asDouble() < 0.01, summary.toString());
            assertTrue(resumed.out().contains("drift"), resumed.out());
            // The drift tests are one family (one window x two axes), Holm-adjusted; the flag reads the adjusted p, and says so.
            assertEquals("holm", summary.at("/driftAdjustment/method").asText(), summary.toString());
            assertEquals(2, summary.at("/driftAdjustment/tests").asInt(), summary.toString());
            assertTrue(day2.path("driftPHolm").asDouble() >= day2.path("driftP").asDouble() && day2.path("driftPHolm").asDouble() < 0.05, summary.toString());
            assertTrue(day2.path("drifted").asBoolean(), summary.toString());
            assertTrue(resumed.out().contains("Holm-adjusted p < 0.05 over all 2") && resumed.out().contains("DRIFT"), resumed.out());
            assertTrue(Files.readString(scoreDir.resolve("score-windows.csv")).lines().findFirst().orElseThrow().endsWith("drift_p,drift_p_holm,drifted"));

            // The shared cache: a fresh scoring of the same sample, once the cache holds every reply, calls nothing.
            CliRun.of(env, "score", traces.toString(), "--judge", cfg.toString(), "--sample", "0.5", "--seed", "3", "--out", dir.resolve("s2").toString());
            int before = server.requests().size();
            CliRun cached = CliRun.of(env, "score", traces.toString(), "--judge", cfg.toString(), "--sample", "0.5", "--seed", "3", "--out", dir.resolve("s3").toString());
            assertEquals(resumed.exitCode(), cached.exitCode(), cached.out() + cached.err());
            assertEquals(before, server.requests().size(), "served from the cache");
        }
    }

    @Test
    void refusesToResumeWithAnotherSampleAndReportsBadTraces() throws Exception {
        Path bad = Files.writeString(dir.resolve("t.jsonl"), "{\"trace_id\": \"a\", \"timestamp\": \"2026-05-01T00:00:00Z\", \"output\": \"x\"}\n");
        ArenaFixture.goldenSet(dir, 2);
        Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"http://127.0.0.1:9/v1\", api_key_env: TEST_KEY}", "oa", "oa", "random", "");
        CliRun r = CliRun.of(Map.of("TEST_KEY", KEY), "score", bad.toString(), "--judge", cfg.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("t.jsonl:1: request: required field is missing"), r.err());
    }

    @Test
    void helpTextIsAValidFormatString() {
        // picocli formats help lines with String.format: "5% of" made --help print a "[picocli WARN] Could not format" line.
        picocli.CommandLine.Command c = ScoreCommand.class.getAnnotation(picocli.CommandLine.Command.class);
        for (String line : Stream.concat(Stream.of(c.description()), Stream.of(c.footer())).toList()) {
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> String.format(line), line);
        }
    }
}
