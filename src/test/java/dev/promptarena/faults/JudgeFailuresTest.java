package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import dev.promptarena.testing.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 8: a judge call that fails after its retries is a judge error (counted with the errors, with its
 * reason), never an unparseable verdict; a judge that answers garbage is unparseable, never an error.
 */
class JudgeFailuresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    /** Judge requests about cases c1 and c3 (their messages say 6 and 8 days) get {@code bad}; all else answers. */
    private Path arena(FakeOpenAiServer server, Reply bad) throws Exception {
        Function<FakeOpenAiServer.Recorded, Reply> policy = r -> {
            boolean judge = r.json().path("model").asText().equals("judge-model");
            String text = r.body();
            return judge && (text.contains("after 6 days") || text.contains("after 8 days")) ? bad : DeterministicReplies.reply(r);
        };
        server.fallback(policy);
        ArenaFixture.goldenSet(dir, 8);
        // One attempt per call: a retried 500 ends the same way, only slower (the retry layer has its own tests).
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\"}", "oa", "oa", "random",
                "engine: {max_attempts: 1}");
    }

    private Path runDir() throws Exception {
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { return s.findFirst().orElseThrow(); }
    }

    private static String summaryValue(String csv, String metric) {
        return csv.lines().filter(l -> l.startsWith("\"" + metric + "\",") || l.startsWith(metric + ","))
                .findFirst().orElseThrow(() -> new AssertionError(metric + " not in summary.csv:\n" + csv)).split(",")[1].replace("\"", "");
    }

    /** Checks summary.csv's counts against {@code expected} (in the order of its words) and returns the file. */
    private static String assertSummaryCounts(Path run, String expected) throws Exception {
        String summary = Files.readString(run.resolve("summary.csv"));
        String actual = summaryValue(summary, "unparseable") + " unparseable, " + summaryValue(summary, "errors") + " errors, "
                + summaryValue(summary, "judge_errors") + " judge errors, " + summaryValue(summary, "judge_failed_calls") + " failed judge calls";
        assertEquals(expected, actual, summary);
        return summary;
    }

    @Test
    void aJudgeThatFailsIsCountedAsAnErrorWithItsReasonNeverAsUnparseable() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, Reply.serverError());
            CliRun r = CliRun.of("run", cfg.toString(), "--no-cache");
            assertEquals(4, r.exitCode(), "2 of 8 outcomes lost to the judge breach error_rate_max 0.05: " + r.out() + r.err());
            assertEquals(2, server.count("500"), "one attempt for each of the two failing judge calls");
            assertTrue(r.out().contains("0 unparseable, 2 errors"), r.out());
            assertTrue(r.out().contains("2 judge calls failed (server error, HTTP 500 ×2; a transient failure only after its retries, others at once)"), r.out());

            Path run = runDir();
            String summary = assertSummaryCounts(run, "0 unparseable, 2 errors, 2 judge errors, 2 failed judge calls");
            assertTrue(summary.contains("server error, HTTP 500 ×2"), summary);

            JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
            JsonNode ops = report.path("analysis").path("operations");
            assertEquals(2, ops.path("errorOutcomes").asInt(), ops.toString());
            assertEquals(2, ops.path("judgeErrorOutcomes").asInt(), ops.toString());
            assertEquals(2, ops.path("judgeFailedVotes").asInt(), ops.toString());
            assertEquals(0, ops.path("unparseableVotes").asInt(), ops.toString());
            assertEquals(0.25, ops.path("errorRate").asDouble(), 1e-12);
            assertEquals(0.0, ops.path("unparseableRate").asDouble(), 1e-12, "6 replies, none unreadable; failed calls are not replies");
            assertEquals("RUN_ERROR", report.path("analysis").path("decision").path("outcome").asText());
            String reasons = report.path("analysis").path("decision").path("reasons").toString();
            assertTrue(reasons.contains("error_rate_max"), reasons);
            assertFalse(reasons.contains("unparseable_rate_max"), reasons);

            String cases = Files.readString(run.resolve("cases.jsonl"));
            assertEquals(2, cases.split("\"status\" ?: ?\"failed\"", -1).length - 1, cases);
            assertTrue(cases.contains("judge call failed (server error, HTTP 500)"), cases);
            String md = Files.readString(run.resolve("summary.md"));
            assertTrue(md.contains("0 unparseable, 2 errors") && md.contains("2 of the errors are judge errors"), md);
            String html = Files.readString(run.resolve("report.html"));
            assertTrue(html.contains("2 of the errors are judge errors"), "the HTML win bar names them too");
            assertEquals(2, html.split("\"vl\":\"judge error\"", -1).length - 1, "and the case list labels both outcomes");
            JsonNode engine = JSON.readTree(run.resolve("engine.json").toFile());
            assertEquals(2, engine.path("judgeFailuresByReason").path("TRANSIENT 500").asInt(), engine.toString());
        }
    }

    @Test
    void aRunFolderWrittenBeforeJudgeErrorsStillLoadsAndCountsItsFailedCallsAsErrors() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, Reply.serverError());
            CliRun.of("run", cfg.toString(), "--quiet", "--no-cache");
            Path run = runDir();
            // The older forms: no reason in a failed trace's error, no judge failures in engine.json.
            Path cases = run.resolve("cases.jsonl");
            Files.writeString(cases, Files.readString(cases).replaceAll("judge call failed \\(server error, HTTP 500\\)", "judge call failed"));
            com.fasterxml.jackson.databind.node.ObjectNode engine = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(run.resolve("engine.json").toFile());
            engine.remove("judgeFailuresByReason");
            JSON.writeValue(run.resolve("engine.json").toFile(), engine);
            CliRun r = CliRun.of("report", run.toString());
            assertEquals(4, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("0 unparseable, 2 errors"), r.out());
            assertTrue(r.out().contains("(unknown ×2;"), r.out());
        }
    }

    @Test
    void aJudgeThatAnswersGarbageIsUnparseableNeverAnError() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, Reply.ok("I like both answers, really."));
            CliRun r = CliRun.of("run", cfg.toString(), "--no-cache");
            assertEquals(4, r.exitCode(), "2 of 8 outcomes unparseable breach unparseable_rate_max 0.05: " + r.out() + r.err());
            assertTrue(r.out().contains("2 unparseable, 0 errors"), r.out());
            assertFalse(r.out().contains("judge calls failed"), r.out());

            Path run = runDir();
            assertSummaryCounts(run, "2 unparseable, 0 errors, 0 judge errors, 0 failed judge calls");
            JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
            JsonNode ops = report.path("analysis").path("operations");
            assertEquals(0, ops.path("errorOutcomes").asInt(), ops.toString());
            assertEquals(2, ops.path("unparseableVotes").asInt(), ops.toString());
            String reasons = report.path("analysis").path("decision").path("reasons").toString();
            assertTrue(reasons.contains("unparseable_rate_max"), reasons);
            assertFalse(reasons.contains("error_rate_max"), reasons);
            String cases = Files.readString(run.resolve("cases.jsonl"));
            assertEquals(2, cases.split("\"status\" ?: ?\"unparseable\"", -1).length - 1, cases);
            assertEquals(List.of(), cases.lines().filter(l -> l.contains("\"failed\"")).toList());
        }
    }
}
