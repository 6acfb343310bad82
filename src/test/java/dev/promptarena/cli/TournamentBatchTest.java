package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.config.BatchSettings;
import dev.promptarena.engine.BatchOptions;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.TournamentRun;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeBatchServer;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --batch} of a tournament against {@link FakeBatchServer} (issue 21): every variant's generations in one
 * batch (each once, shared by its pairings), then every pairing's judge calls (a two-judge panel, both orders), then the
 * re-asks of unreadable verdicts; the same CSV and JSON outputs as the synchronous tournament at half the price; a run
 * killed between submit and poll resumes polling the journaled batch; an adaptive tournament gets one batch phase per stage.
 */
class TournamentBatchTest {
    static final int CASES = 6;
    /** 3 variants x 6 cases; 3 pairings x 2 judges x 2 orders x 6 cases; the re-asks of case c3 (3 x 2 x 2). */
    static final int GENERATIONS = 18, JUDGE_CALLS = 72, REASKS = 12, CALLS = GENERATIONS + JUDGE_CALLS + REASKS;
    @TempDir Path dir;

    /**
     * Generators answer a hash of their prompt; each judge a verdict drawn from a hash of its request, except that its first
     * reply on case c3 ("after 8 days") cannot be read, so that case is re-asked with the repair instruction.
     */
    static Reply reply(Recorded r) {
        String model = r.json().path("model").asText();
        if (!model.startsWith("judge")) return Reply.ok(model + " says: " + Math.abs(r.lastUserText().hashCode() % 97));
        if (r.body().contains("after 8 days") && !r.body().contains("could not be read")) return Reply.ok("I prefer the first one.");
        int h = Math.abs(r.body().hashCode());
        String winner = List.of("A", "B", "B", "tie").get(h % 4);
        return Reply.ok("{\"winner\": \"" + winner + "\", \"scores\": {\"A\": {\"Clarity\": " + (1 + h % 5) + ", \"Policy citation\": 3},"
                + " \"B\": {\"Clarity\": " + (1 + (h / 5) % 5) + ", \"Policy citation\": 4}}, \"reason\": \"r\"}");
    }

    static Path tournament(Path dir, FakeBatchServer server, String schedule, String variants, String judges) throws Exception {
        ArenaFixture.goldenSet(dir, CASES);
        Path p = dir.resolve("t.arena.yaml");
        Files.writeString(p, """
                name: t
                dataset: golden.jsonl
                rubric: rubric.yaml
                output: reports
                providers:
                  p: {type: openai, base_url: "%s", api_key_env: BATCH_KEY, concurrency: 4}
                decoding: {temperature: 0, max_tokens: 200, seed: 1}
                variants:
                  prod: {control: true, provider: p, model: model-a, user: "{{customer_name}}: {{message}}"}
                  cand: {provider: p, model: model-b, user: "{{customer_name}}: {{message}}"}
                  other: {provider: p, model: model-c, user: "{{customer_name}}: {{message}}"}
                %s
                tournament: {%s}
                %s
                prices: {model-a: {input: 1000, output: 2000}, model-b: {input: 1000, output: 2000}, model-c: {input: 1000, output: 2000},
                  judge-x: {input: 3000, output: 1000}, judge-y: {input: 3000, output: 1000}}
                """.formatted(server.baseUrl(), variants, schedule, judges));
        return p;
    }

    static final String PANEL = "judge: {order: both, seed: 5}\njudges:\n  - {provider: p, model: judge-x}\n  - {provider: p, model: judge-y}";

    static JsonNode engine(Path run) throws Exception { return new ObjectMapper().readTree(run.resolve("engine.json").toFile()); }

    /** Timing and cost fields (batch answers carry no latency, and cost half the synchronous price), and the command line. */
    static final java.util.regex.Pattern TIMING_OR_COST = java.util.regex.Pattern.compile("(?i:.*(latency|cost|usd|time|duration|elapsed).*)|.*At|runId|args");

    /**
     * Every CSV and JSON file of {@code expected} is in {@code actual} with the same content, byte for byte, apart from timing
     * and cost columns (CSV) and fields (JSON) and the command line; the manifests (command line, times) and engine.json (counters, compared by the
     * caller) apart.
     */
    static void assertSameOutputs(Path expected, Path actual) throws Exception {
        List<String> differ = new java.util.ArrayList<>();
        int compared = 0;
        try (var walk = Files.walk(expected)) {
            for (Path f : walk.filter(x -> x.toString().matches(".*\\.(csv|json)")).toList()) {
                String name = expected.relativize(f).toString();
                if (name.endsWith("manifest.json") || name.equals("engine.json")) continue;
                Path other = actual.resolve(name);
                compared++;
                if (!Files.exists(other) || !comparable(f).equals(comparable(other))) differ.add(name);
            }
        }
        assertEquals(List.of(), differ);
        assertTrue(compared >= 10, "compared " + compared + " files");
    }

    private static String comparable(Path f) throws Exception {
        if (f.toString().endsWith(".json")) {
            JsonNode n = new ObjectMapper().readTree(f.toFile());
            strip(n);
            return n.toString();
        }
        List<String[]> rows = new com.opencsv.CSVReader(Files.newBufferedReader(f)).readAll();
        List<Integer> keep = new java.util.ArrayList<>();
        for (int c = 0; c < rows.get(0).length; c++) if (!TIMING_OR_COST.matcher(rows.get(0)[c]).matches()) keep.add(c);
        StringBuilder out = new StringBuilder();
        // Rows whose first cell names a timing or cost metric (summary.csv's operational rows) are left out too.
        for (String[] row : rows) {
            if (row.length > 0 && TIMING_OR_COST.matcher(row[0]).matches()) continue;
            for (int c : keep) out.append(c < row.length ? row[c] : "").append('\u0001');
            out.append('\n');
        }
        return out.toString();
    }

    private static void strip(JsonNode n) {
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> drop = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(k -> { if (TIMING_OR_COST.matcher(k).matches()) drop.add(k); });
            o.remove(drop);
        }
        n.forEach(TournamentBatchTest::strip);
    }

    @Test
    void aBatchTournamentGivesTheSynchronousOutputsAtHalfThePrice() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.replies(TournamentBatchTest::reply);
            Path cfg = tournament(dir, server, "schedule: round_robin", "", PANEL);
            CliRun dry = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--dry-run");
            assertEquals(0, dry.exitCode(), dry.err());
            assertTrue(dry.out().contains("(batch mode: provider batch prices)"), dry.out());

            Path batchRun = dir.resolve("batch");
            CliRun batch = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "--run-dir", batchRun.toString());
            assertTrue(List.of(0, 1, 3).contains(batch.exitCode()), batch.out() + batch.err());
            // Three rounds: every variant's generations (each once), every pairing's judge calls, the re-asks; nothing synchronous.
            assertEquals(3, server.creates(), batch.err());
            assertEquals(CALLS, server.itemsSubmitted());
            assertEquals(0, server.syncCalls());
            assertTrue(batch.err().contains("submitted (" + GENERATIONS + " requests)"), batch.err());
            JsonNode e = engine(batchRun);
            assertEquals(CALLS, e.get("issued").asLong());
            assertEquals(CALLS, e.get("succeeded").asLong());

            Path syncRun = dir.resolve("sync");
            CliRun sync = CliRun.of(BatchModeTest.env(dir.resolve("cache-sync")), "run", cfg.toString(), "--run-dir", syncRun.toString(), "-q");
            assertEquals(sync.exitCode(), batch.exitCode(), sync.err());
            assertEquals(CALLS, server.syncCalls());
            assertSameOutputs(syncRun, batchRun);
            double syncCost = engine(syncRun).get("costUsd").asDouble();
            assertTrue(syncCost > 0);
            assertEquals(syncCost / 2, e.get("costUsd").asDouble(), 1e-9);
            // The dry run priced the same discount: its estimate for the batch run is half the synchronous one's.
            CliRun drySync = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--dry-run");
            assertEquals(dollars(drySync.out()) / 2, dollars(dry.out()), 1e-4, dry.out() + drySync.out());
        }
    }

    /** The first dollar figure of a dry run's estimate line. */
    private static double dollars(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at most \\$(\\d+\\.\\d+) in total").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aTournamentKilledAfterSubmittingResumesPollingTheSameBatchAndSubmitsNothingTwice() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.replies(TournamentBatchTest::reply);
            Path cfg = tournament(dir, server, "schedule: round_robin", "", PANEL);
            Map<String, String> env = BatchModeTest.env(dir.resolve("cache"));
            Path runDir = dir.resolve("run");
            EngineOptions engine = EngineOptions.defaults(env).withBatch(BatchOptions.of(BatchSettings.Retry.SYNC, null).haltingAfterSubmit(true));
            RunOptions options = new RunOptions(null, null, 64, null, 1, true, List.of("run", cfg.toString(), "--batch", "--quiet"), engine,
                    null, runDir);
            TournamentRun.Result killed = new TournamentRun(env, new PrintStream(PrintStream.nullOutputStream()))
                    .execute(ArenaInputs.load(cfg, env, false), options);
            assertTrue(killed.partialReason().startsWith("interrupted"), killed.partialReason());
            assertTrue(killed.runs().stream().allMatch(r -> r.cases().isEmpty()), "no pairing recorded a case");
            assertEquals(1, server.creates());
            assertEquals(0, server.polls());
            String batchId = new ObjectMapper().readTree(Files.readAllLines(runDir.resolve("batches.jsonl")).get(1)).get("id").asText();

            CliRun resumed = CliRun.of(env, "run", "--resume", runDir.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(3, server.creates(), "only the judge calls' and the re-asks' batches are new");
            assertEquals(CALLS, server.itemsSubmitted(), "every request submitted exactly once");
            assertTrue(server.requests().stream().anyMatch(r -> r.path().equals("/v1/batches/" + batchId)), "the journaled batch was polled");
            assertEquals(CALLS, engine(runDir).get("succeeded").asLong());
            assertEquals(0, server.syncCalls());

            Path syncRun = dir.resolve("sync");
            CliRun sync = CliRun.of(BatchModeTest.env(dir.resolve("cache-sync")), "run", cfg.toString(), "--run-dir", syncRun.toString(), "-q");
            assertEquals(sync.exitCode(), resumed.exitCode(), sync.err());
            assertSameOutputs(syncRun, runDir);
        }
    }

    @Test
    void theBudgetIsReservedBeforeEachBatchSoATournamentNeverSpendsBeyondIt() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.replies(TournamentBatchTest::reply);
            Path cfg = tournament(dir, server, "schedule: round_robin", "", PANEL);
            Path run = dir.resolve("run");
            // Every generation's worst case at the batch price fits, then only some of the judge calls' worst cases.
            CliRun r = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "-q", "--max-cost", "8",
                    "--run-dir", run.toString());
            JsonNode e = engine(run);
            assertTrue(e.get("budgetSkipped").asLong() > 0, e.toString());
            assertTrue(e.get("costUsd").asDouble() <= 8.0, e.toString());
            assertTrue(server.itemsSubmitted() > GENERATIONS && server.itemsSubmitted() < CALLS, "submitted: " + server.itemsSubmitted());
            assertEquals(0, server.syncCalls());
            assertTrue(r.err().contains("cost budget"), r.out() + r.err());
            assertTrue(List.of(ExitCode.FAIL.code(), ExitCode.INCONCLUSIVE.code()).contains(r.exitCode()), r.out() + r.err());
        }
    }

    @Test
    void anAdaptiveTournamentGetsOneBatchPhasePerStageAndTheSynchronousStageTwo() throws Exception {
        try (FakeBatchServer server = new FakeBatchServer()) {
            server.replies(TournamentBatchTest::reply);
            String fourth = "  fourth: {provider: p, model: model-d, user: \"{{customer_name}}: {{message}}\"}";
            Path cfg = tournament(dir, server, "schedule: adaptive, first_pass: 3, extra_pairs: 4", fourth,
                    "judge: {provider: p, model: judge-x, order: random, seed: 5}");
            Files.writeString(cfg, Files.readString(cfg).replace("model-c: {input", "model-d: {input: 1000, output: 2000}, model-c: {input"));
            Path batchRun = dir.resolve("batch");
            CliRun batch = CliRun.of(BatchModeTest.env(dir.resolve("cache")), "run", cfg.toString(), "--batch", "-q", "--run-dir", batchRun.toString());
            assertTrue(List.of(0, 1, 3).contains(batch.exitCode()), batch.out() + batch.err());
            JsonNode layout = new ObjectMapper().readTree(batchRun.resolve("tournament.json").toFile());
            long stageTwo = 0;
            for (JsonNode p : layout.path("pairs")) stageTwo += p.path("adaptive").asBoolean() ? 1 : 0;
            assertTrue(stageTwo > 0, layout.toString());
            // Stage one: generations, judge calls, c3's re-asks; stage two (known only then): judge calls, and re-asks if c3 is in it.
            int stageTwoCreates = server.creates() - 3;
            assertTrue(stageTwoCreates == 1 || stageTwoCreates == 2, "creates: " + server.creates());
            assertEquals(0, server.syncCalls());
            assertEquals(server.itemsSubmitted(), engine(batchRun).get("succeeded").asLong());

            Path syncRun = dir.resolve("sync");
            CliRun sync = CliRun.of(BatchModeTest.env(dir.resolve("cache-sync")), "run", cfg.toString(), "--run-dir", syncRun.toString(), "-q");
            assertEquals(sync.exitCode(), batch.exitCode(), sync.err());
            assertEquals(server.itemsSubmitted(), server.syncCalls(), "the same calls, synchronously");
            assertSameOutputs(syncRun, batchRun);
        }
    }
}
