package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a resumed sequential run replays the looks from its journal and stops at the same look as an
 * uninterrupted run, issuing no call twice; a warm-cache rerun reproduces the same stop without calling the
 * provider. Request counts are taken at the in-process fake server; concurrency 1 makes them exact.
 */
class SequentialResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTRA = "prices: {model-a: {input: 1.0, output: 100.0}, model-b: {input: 1.0, output: 100.0}, judge-model: {input: 0, output: 0}}\n"
            + "decision:\n  sequential: {looks: [0.5, 1.0], spending: obrien_fleming}";
    @TempDir Path dir;

    /** B answers "better answer"; the judge names whichever presented slot holds it, so B wins every case in either order. */
    private static Reply reply(FakeOpenAiServer.Recorded r) { return reply(r, 10); }

    /**
     * As {@link #reply(FakeOpenAiServer.Recorded)}, but the judge prefers B only in {@code tenths}/10 of the cases, chosen by
     * a hash of the case's question (deterministic, independent of the presentation order).
     */
    private static Reply reply(FakeOpenAiServer.Recorded r, int tenths) {
        String model = r.json().path("model").asText();
        if (model.equals("model-a")) return Reply.ok("plain answer");
        if (model.equals("model-b")) return Reply.ok("better answer");
        String prompt = r.json().path("messages").toString();
        int at = prompt.indexOf("<<<RESPONSE B>>>");
        if (at < 0) throw new IllegalStateException("not a judge prompt: " + prompt);
        String slotB = prompt.substring(at);
        String question = prompt.substring(0, prompt.indexOf("<<<RESPONSE A>>>"));
        boolean prefersB = Math.floorMod(question.hashCode(), 10) < tenths;
        String winner = slotB.contains("better answer") == prefersB ? "B" : "A";
        return Reply.ok("{\"winner\": \"" + winner + "\", \"scores\": {\"A\": {\"Clarity\": 3, \"Policy citation\": 3}, \"B\": {\"Clarity\": 3, \"Policy citation\": 3}}, \"reason\": \"r\"}");
    }

    private record Outcome(int exit, String status, int look, int cases, String reasons) {}

    private static Outcome outcome(CliRun run, Path runDir) throws Exception {
        JsonNode a = JSON.readTree(runDir.resolve("report.json").toFile()).get("analysis");
        JsonNode seq = a.get("sequential");
        return new Outcome(run.exitCode(), seq.get("status").asText(), seq.get("looks").size(),
                Files.readAllLines(runDir.resolve("cases.jsonl")).size(), a.at("/decision/reasons").toString());
    }

    @Test
    void resumeAndWarmCacheReachTheSameStopWithoutRepeatingACall() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(SequentialResumeTest::reply);
            ArenaFixture.goldenSet(dir, 40);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", concurrency: 1}", "oa", "oa", "random", EXTRA);

            Path ref = dir.resolve("ref");
            CliRun straight = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--concurrency", "1", "--run-dir", ref.toString());
            Outcome expected = outcome(straight, ref);
            assertEquals(new Outcome(ExitCode.PASS.code(), "stopped_efficacy", 1, 20, expected.reasons()), expected, straight.err());
            int perRun = server.requests().size();
            assertEquals(60, perRun, "20 cases of 40, 3 calls each: the stop at look 1 saved half the calls");

            // Interrupted by the cost budget before the first look, then resumed.
            Path cut = dir.resolve("cut");
            CliRun partial = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--concurrency", "1", "--max-cost", "0.01",
                    "--run-dir", cut.toString());
            assertEquals(ExitCode.INCONCLUSIVE.code(), partial.exitCode(), partial.out() + partial.err());
            assertTrue(JSON.readTree(cut.resolve("report.json").toFile()).at("/analysis/sequential/status").asText().equals("continue"));
            int beforeResume = server.requests().size();
            assertTrue(beforeResume - perRun < 60, "the budget cut the run short");
            // Resume re-reads the command line from the manifest; raise the budget there, as a user resuming with more money would.
            Path manifest = cut.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace("\"0.01\"", "\"100\""));
            CliRun resumed = CliRun.of("run", "--resume", cut.toString(), "--quiet");
            assertEquals(expected, outcome(resumed, cut), resumed.err());
            assertEquals(2 * perRun, server.requests().size(), "the interrupted and the resumed run together issued each call once");

            // Warm cache: the second run is served from the cache and stops at the same look.
            Map<String, String> env = Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
            CliRun cold = CliRun.of(env, "run", cfg.toString(), "--quiet", "--concurrency", "1", "--run-dir", dir.resolve("cold").toString());
            assertEquals(expected, outcome(cold, dir.resolve("cold")));
            int afterCold = server.requests().size();
            CliRun warm = CliRun.of(env, "run", cfg.toString(), "--quiet", "--concurrency", "1", "--run-dir", dir.resolve("warm").toString());
            assertEquals(expected, outcome(warm, dir.resolve("warm")));
            assertEquals(afterCold, server.requests().size(), "a warm-cache rerun calls nothing");
        }
    }

    /** A judge preferring B in 70% of cases stops a 4-look O'Brien–Fleming design of 200 cases before its last look. */
    @Test
    void aSeventyPercentPreferenceStopsEarly() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(r -> reply(r, 7));
            ArenaFixture.goldenSet(dir, 200);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", concurrency: 1}", "oa", "oa", "random",
                    "decision:\n  sequential: {looks: [0.25, 0.5, 0.75, 1.0], spending: obrien_fleming}");
            Path runDir = dir.resolve("p70");
            CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--concurrency", "1", "--run-dir", runDir.toString());
            assertEquals(ExitCode.PASS.code(), run.exitCode(), run.out() + run.err());
            JsonNode seq = JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/sequential");
            assertEquals("stopped_efficacy", seq.get("status").asText());
            double observed = seq.at("/looks/" + (seq.get("looks").size() - 1) + "/winRate").asDouble();
            assertEquals(0.7, observed, 0.1, "the judge's preference as observed");
            assertTrue(seq.get("looks").size() < 4, "stopped before the last look: " + seq);
            assertEquals(3 * seq.get("stopAt").asInt(), server.requests().size(), "only the cases up to the stop were called");
        }
    }
}
