package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import dev.promptarena.testing.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generation that fails (a provider error after its retries) is named with its reason in every report, per variant,
 * as a failed judge call is: the terminal summary and summary.md used to give a count of errors and nothing else.
 */
class GenerationFailuresTest {
    private static final String KEY = "sk-test-0123456789abcdefXYZ";
    /** What B's provider answers for two cases: the key echoed back, terminal sequences, a link and a mention. */
    private static final String B_ERROR = "Model overloaded for key " + KEY + " \\u001b[2J\\u001b]0;pwned\\u0007 see https://status.example/x @oncall";
    @TempDir Path dir;

    @Test
    void theTerminalSummaryMdCsvAndHtmlNameEachVariantsFailuresWithTheirReasons() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Function<FakeOpenAiServer.Recorded, Reply> policy = r -> {
                String model = r.json().path("model").asText(), text = r.body();
                if (model.equals("model-b") && (text.contains("after 6 days") || text.contains("after 8 days"))) return Reply.error(400, B_ERROR);
                if (model.equals("model-a") && text.contains("after 7 days")) return Reply.serverError();
                return DeterministicReplies.reply(r);
            };
            server.fallback(policy);
            ArenaFixture.goldenSet(dir, 8);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: ARENA_KEY}", "oa", "oa",
                    "random", "engine: {max_attempts: 1}");

            CliRun r = CliRun.of(Map.of("ARENA_KEY", KEY), "run", cfg.toString(), "--no-cache", "--quiet");
            assertEquals(4, r.exitCode(), "3 of 8 outcomes are errors: error_rate_max breached: " + r.out() + r.err());
            String bReason = "HTTP 400: Model overloaded for key [REDACTED] see https://status.example/x @oncall [invalid_request_error]"
                    + " (not retried after 1 attempt) ×2";
            assertTrue(r.out().contains("  A: 1 failed generation (HTTP 500: internal (gave up after 1 attempt) ×1)"), r.out());
            assertTrue(r.out().contains("  B: 2 failed generations (" + bReason + ")"), r.out());
            assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), "no terminal sequence from the provider reaches the terminal");

            Path run;
            try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { run = s.findFirst().orElseThrow(); }
            String md = Files.readString(run.resolve("summary.md"));
            assertTrue(md.contains("Generation failures (errors, not scored):\n- A: 1 failed generation (HTTP 500: internal"), md);
            assertTrue(md.contains("- B: 2 failed generations (HTTP 400: Model overloaded for key \\[REDACTED\\] see https:\u200B//status.example/x @\u200Boncall"), md);
            String csv = Files.readString(run.resolve("summary.csv"));
            assertTrue(csv.contains("generation_failed_a,1,,,,primary,HTTP 500: internal (gave up after 1 attempt) ×1"), csv);
            assertTrue(csv.contains("generation_failed_b,2,,,,primary," + bReason), csv);
            String html = Files.readString(run.resolve("report.html"));
            assertTrue(html.contains("Generation failures (errors, not scored): A: 1 failed generation (HTTP 500: internal"), "the HTML win bar names them");
            for (String f : List.of("summary.md", "summary.csv", "cases.csv", "report.html", "report.json")) {
                String text = Files.readString(run.resolve(f));
                assertFalse(text.contains(KEY), f + " holds the key");
                assertFalse(text.contains("\u001b") || text.contains("\u0007"), f + " holds a raw control character");
            }
            assertTrue(Files.readString(run.resolve("cases.csv")).contains("\uFFFD[2J\uFFFD]0;pwned\uFFFD"),
                    "cases.csv keeps where each control character stood");
        }
    }
}
