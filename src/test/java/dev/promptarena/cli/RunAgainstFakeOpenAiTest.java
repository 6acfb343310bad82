package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReaderHeaderAware;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CLI against an in-process fake OpenAI-compatible server: the real HTTP client, real
 * JSON, a scripted judge whose verdicts are known per case, and the numbers checked in the CSVs.
 */
class RunAgainstFakeOpenAiTest {
    private static final String KEY = "sk-test-SECRET123fakekeyfortests";
    private static final Pattern CASE = Pattern.compile("after (\\d+) days");

    @TempDir Path dir;

    /** Generators answer by model; the judge's verdict depends on the case: B wins c0-c5, A wins c6-c7, c8 tie, c9 garbage. */
    private static Reply reply(Recorded r) {
        String model = r.json().path("model").asText();
        String user = r.lastUserText();
        if (!model.equals("judge-model")) {
            return Reply.ok(model.equals("model-a") ? "Your parcel is on its way." : "Hi Ana, per our shipping policy (S-1) we trace and reship.");
        }
        Matcher m = CASE.matcher(r.body()); // the whole conversation: a re-ask's last message is the repair instruction
        int caseNo = m.find() ? Integer.parseInt(m.group(1)) - 5 : -1;
        if (caseNo == 9) return Reply.ok("I cannot decide.");
        boolean bFirst = user.indexOf("per our shipping policy") < user.indexOf("Your parcel is on its way.");
        String bSlot = bFirst ? "A" : "B";
        String aSlot = bFirst ? "B" : "A";
        String winner = caseNo <= 5 ? bSlot : caseNo <= 7 ? aSlot : "tie";
        String scores = "{\"" + aSlot + "\": {\"Clarity\": 3, \"Policy citation\": 1}, \"" + bSlot + "\": {\"Clarity\": 4, \"Policy citation\": 5}}";
        return Reply.ok("{\"winner\": \"" + winner + "\", \"scores\": " + scores + ", \"reason\": \"scripted\"}");
    }

    @Test
    void runsEndToEndThroughTheRealClientAndWritesTheExpectedNumbers() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(RunAgainstFakeOpenAiTest::reply);
            ArenaFixture.goldenSet(dir, 10);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                    "random", "prices: {model-a: {input: 1.0, output: 2.0}, model-b: {input: 1.0, output: 4.0}, judge-model: {input: 0, output: 0}}");
            Path cache = dir.resolve("cache");
            CliRun run = CliRun.of(Map.of("TEST_KEY", KEY, "PROMPT_ARENA_CACHE_DIR", cache.toString()), "run", cfg.toString(), "--quiet");
            // 6 wins, 2 losses, 1 tie of 9 scored: 6.5 / 9 = 0.722, Wilson [0.402, 0.910] contains 0.5 — but 1 of 10
            // verdicts was unparseable, over the default 5% limit, so the evidence itself is unusable: run error.
            assertEquals(ExitCode.RUN_ERROR.code(), run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("unparseable_rate_max"), run.out());
            Path runDir = onlyRun();

            Map<String, Map<String, String>> summary = byKey(runDir.resolve("summary.csv"), "metric");
            // The raw rate, 6.5 / 9, beside its Wilson interval; win_rate_b states the gate's estimate (the mean of both
            // presentation orders, which differs here: one verdict of the ten was unparseable), with the raw rate in its note.
            assertEquals(6.5 / 9, Double.parseDouble(summary.get("win_rate_b_wilson").get("value")), 1e-9);
            assertEquals(summary.get("primary_estimate_b").get("value"), summary.get("win_rate_b").get("value"));
            assertTrue(summary.get("win_rate_b").get("note").contains("(raw 0.7222)"), summary.get("win_rate_b").toString());
            assertEquals("6", summary.get("wins_b").get("value"));
            assertEquals("2", summary.get("losses_b").get("value"));
            assertEquals("1", summary.get("ties").get("value"));
            assertEquals("1", summary.get("unparseable").get("value"));
            assertEquals(6.0 / 9, Double.parseDouble(summary.get("strict_win_rate_b").get("value")), 1e-9);
            assertEquals(0.75, Double.parseDouble(summary.get("decisive_win_rate_b").get("value")), 1e-9);
            // Wilson score interval for 6.5 of 9: statsmodels 0.13.5
            // proportion_confint(6.5, 9, alpha=0.05, method="wilson") = (0.40190934611059836, 0.9095817434807153)
            assertEquals(0.40190934611059836, Double.parseDouble(summary.get("win_rate_b_wilson").get("lower")), 1e-6);
            assertEquals(0.9095817434807153, Double.parseDouble(summary.get("win_rate_b_wilson").get("upper")), 1e-6);

            Map<String, Map<String, String>> axes = byKey(runDir.resolve("axes.csv"), "axis");
            assertEquals(3.0, Double.parseDouble(axes.get("Clarity").get("mean_a")), 1e-12);
            assertEquals(4.0, Double.parseDouble(axes.get("Clarity").get("mean_b")), 1e-12);
            assertEquals(4.0, Double.parseDouble(axes.get("Policy citation").get("mean_difference")), 1e-12);

            Map<String, Map<String, String>> cases = byKey(runDir.resolve("cases.csv"), "case_id");
            assertEquals("B", cases.get("c0").get("verdict"));
            assertEquals("A", cases.get("c6").get("verdict"));
            assertEquals("TIE", cases.get("c8").get("verdict"));
            assertEquals("UNPARSEABLE", cases.get("c9").get("verdict"));
            assertEquals("unparseable", cases.get("c9").get("judge_status"));
            assertEquals("Your parcel is on its way.", cases.get("c3").get("output_a"));
            // usage 11 in / 7 out: A = (11 x 1 + 7 x 2) / 1e6, B = (11 x 1 + 7 x 4) / 1e6
            assertEquals(25e-6, Double.parseDouble(cases.get("c3").get("cost_a_usd")), 1e-12);
            assertEquals(39e-6, Double.parseDouble(cases.get("c3").get("cost_b_usd")), 1e-12);

            // What went over the wire: decoding as configured, the key as a bearer token, the judge asked for JSON.
            Recorded gen = server.requests().stream().filter(r -> r.json().path("model").asText().equals("model-b")).findFirst().orElseThrow();
            assertEquals(0.0, gen.json().path("temperature").asDouble(), 0);
            assertEquals(200, gen.json().path("max_tokens").asInt());
            assertEquals(1, gen.json().path("seed").asInt());
            assertEquals("system", gen.json().at("/messages/0/role").asText());
            assertEquals("Bearer " + KEY, gen.header("Authorization"));
            Recorded judge = server.requests().stream().filter(r -> r.json().path("model").asText().equals("judge-model")).findFirst().orElseThrow();
            assertEquals("json_schema", judge.json().at("/response_format/type").asText());
            // 10 x (A + B) + 10 judge calls + 1 re-ask for the unreadable verdict of c9
            assertEquals(31, server.requests().size());

            JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
            assertEquals("TEST_KEY", manifest.at("/providers/oa/apiKeyEnv").asText());
            assertNoSecretBelow(runDir);
            assertNoSecretBelow(cache);

            // Re-running unchanged is served from the shared cache: no new request reaches the server.
            CliRun again = CliRun.of(Map.of("TEST_KEY", KEY, "PROMPT_ARENA_CACHE_DIR", cache.toString()), "run", cfg.toString(), "--quiet");
            assertEquals(run.exitCode(), again.exitCode());
            assertEquals(31, server.requests().size());
            assertTrue(again.out().contains("0 issued, 31 cache hits"), again.out());
        }
    }

    @Test
    void aRunInProgressHasAPartialReportThatTheFinalOneReplaces() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            // One case at a time. The first 12 calls take 50 ms, every later one 2 s until the test has seen the interim
            // report: the first case to finish after that finds at least 2 s gone (the first report waits for them) and
            // at least 4 of 40 cases done (10 %). The run cannot end before the release, so the test does not race it
            // (it relied on a 3-second run outlasting the report's 2 s).
            java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            server.fallback(r -> calls.incrementAndGet() > 12 && held.get() ? reply(r).withDelay(2000) : reply(r)).latency(50);
            Path cfg = arena(server, 40, ", concurrency: 2");
            java.util.concurrent.CompletableFuture<CliRun> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> CliRun.of(Map.of("TEST_KEY", KEY), "run", cfg.toString(), "--quiet", "--no-cache", "--concurrency", "1"));
            String interim = null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (interim == null && !run.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                Path reports = dir.resolve("reports");
                if (!Files.isDirectory(reports)) continue;
                try (Stream<Path> runs = RunFolders.list(reports)) {
                    Path html = runs.map(r -> r.resolve("report.html")).filter(Files::exists).findFirst().orElse(null);
                    if (html != null) interim = Files.readString(html);
                }
            }
            held.set(false);
            CliRun done = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(interim != null, "a report existed while the run was in progress: " + done.err());
            assertTrue(interim.contains("PARTIAL RUN") && interim.contains("in progress: "), "marked partial");
            assertTrue(interim.contains(" of 40 cases had finished when this report was written"), "says how far it got");
            String last = Files.readString(onlyRun().resolve("report.html"));
            assertFalse(last.contains("PARTIAL RUN"), "the final report replaced it");
            // 40 x (A + B + judge) + 1 re-ask for the unreadable verdict of c9: interim reports call nothing
            assertEquals(121, server.requests().size());
        }
    }

    /**
     * B's answer depends on its system prompt for even-numbered cases only; A's and the judge's as in {@link #reply}.
     */
    private static Reply replyByPrompt(Recorded r) {
        if (!r.json().path("model").asText().equals("model-b")) return reply(r);
        Matcher m = CASE.matcher(r.body());
        int caseNo = m.find() ? Integer.parseInt(m.group(1)) - 5 : -1;
        boolean v2 = r.json().at("/messages/0/content").asText().contains("version 2");
        return Reply.ok(v2 && caseNo % 2 == 0 ? "Hi Ana, per policy S-1 we reship today." : "Hi Ana, per our shipping policy (S-1) we trace and reship.");
    }

    @Test
    void afterEditingOnlyPromptBOnlyBIsRegeneratedAndOnlyThePairsWhoseAnswerChangedAreJudgedAgain() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(RunAgainstFakeOpenAiTest::replyByPrompt);
            Path cfg = arena(server, 8, "");
            Map<String, String> env = Map.of("TEST_KEY", KEY, "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
            CliRun first = CliRun.of(env, "run", cfg.toString(), "--quiet");
            assertEquals(8 * 3, server.requests().size(), first.err());

            Files.writeString(cfg, Files.readString(cfg).replace("use the customer's name.", "use the customer's name (version 2)."));
            CliRun second = CliRun.of(env, "run", cfg.toString(), "--quiet");
            List<Recorded> again = server.requests().subList(8 * 3, server.requests().size());
            // B's 8 requests changed, so B is asked again; A's did not (cache). B's answer changed for c0, c2, c4, c6 only,
            // so only those 4 pairs are judged again; the other 4 judge requests are the same as before (cache).
            assertEquals(8, again.stream().filter(r -> r.json().path("model").asText().equals("model-b")).count(), second.err());
            assertEquals(0, again.stream().filter(r -> r.json().path("model").asText().equals("model-a")).count());
            assertEquals(4, again.stream().filter(r -> r.json().path("model").asText().equals("judge-model")).count());
            assertTrue(second.out().contains("12 issued, 12 cache hits"), second.out());
        }
    }

    @Test
    void repeatsCallEachCaseNTimesWithTheRepeatInTheKeyAndTheIntervalResamplesCases() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(RunAgainstFakeOpenAiTest::reply);
            Path cfg = arena(server, 5, "");
            Map<String, String> env = Map.of("TEST_KEY", KEY, "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
            CliRun run = CliRun.of(env, "run", cfg.toString(), "--quiet", "--repeats", "2");
            // 5 cases x 2 repeats x (A + B + judge): the second repeat is a new request, not a journal or cache hit.
            assertEquals(30, server.requests().size(), run.err());
            Path runDir = onlyRun();
            Map<String, Map<String, String>> summary = byKey(runDir.resolve("summary.csv"), "metric");
            assertEquals("10", summary.get("outcomes").get("value"));
            // Repeats of a case are correlated: the interval resamples the 5 cases, not the 10 outcomes.
            assertTrue(summary.values().stream().anyMatch(r -> r.values().stream().anyMatch(v -> v.contains("resamples over 5 cases"))),
                    summary.toString());

            CliRun again = CliRun.of(env, "run", cfg.toString(), "--quiet", "--repeats", "2");
            assertEquals(30, server.requests().size(), "each repeat has its own cache entry");
            assertTrue(again.out().contains("0 issued, 30 cache hits"), again.out());
        }
    }

    @Test
    void aCacheThatCannotBeWrittenIsAWarningNotAFailure() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(RunAgainstFakeOpenAiTest::reply);
            Path cfg = arena(server, 3, "");
            Path notADirectory = Files.writeString(dir.resolve("cache-is-a-file"), "x");
            CliRun run = CliRun.of(Map.of("TEST_KEY", KEY), "run", cfg.toString(), "--quiet", "--cache-dir", notADirectory.toString());
            // 3 x (A + B) + 3 judge calls, none of which could be cached
            assertEquals(9, server.requests().size());
            assertTrue(run.err().contains("warning: 9 responses could not be written to the response cache"), run.err());
            assertTrue(Files.exists(onlyRun().resolve("report.html")), "the reports were written");
        }
    }

    /** {@code cases} golden cases and an arena whose A, B and judge all call {@code server}; {@code providerOptions} are appended. */
    private Path arena(FakeOpenAiServer server, int cases, String providerOptions) throws IOException {
        ArenaFixture.goldenSet(dir, cases);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY" + providerOptions + "}",
                "oa", "oa", "random", "");
    }

    private static void assertNoSecretBelow(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) { files = s.filter(Files::isRegularFile).toList(); }
        assertFalse(files.isEmpty(), "expected files under " + root);
        for (Path f : files) assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(KEY), "the API key leaked into " + f);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) {
            List<Path> runs = s.sorted().toList();
            return runs.get(0);
        }
    }

    static Map<String, Map<String, String>> byKey(Path csv, String key) throws Exception {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        try (CSVReaderHeaderAware r = new CSVReaderHeaderAware(new FileReader(csv.toFile()))) {
            Map<String, String> row;
            List<Map<String, String>> rows = new ArrayList<>();
            while ((row = r.readMap()) != null) rows.add(row);
            rows.forEach(x -> out.put(x.get(key), x));
        }
        return out;
    }
}
