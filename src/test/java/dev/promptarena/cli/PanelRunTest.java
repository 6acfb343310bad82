package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A judge panel with a sampled judge and a self-preference risk, run end to end on the simulated provider. */
class PanelRunTest {
    @TempDir Path dir;

    @Test
    void everyJudgeJudgesEveryPairAndThePanelIsReportedEverywhere() throws IOException {
        Path config = CliRuns.arena(dir, """
                judge: {order: both, seed: 4}
                judges:
                  - {provider: sim, model: sim-judge-1}
                  - {name: sampled, provider: sim, model: sim-judge-2, samples: 3, decoding: {temperature: 0.8}}
                families: {sim-judge-1: acme, sim-b: ACME}
                """);
        CliRuns.Result v = CliRuns.cli("validate", config.toString());
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.out().contains("judges sim-judge-1, sampled (sim-judge-2) (order both)"), v.out());
        assertTrue(v.err().contains("Self-preference risk: judge sim-judge-1"), "validate warns too: " + v.err());
        CliRuns.Result dry = CliRuns.cli("run", config.toString(), "--dry-run");
        assertTrue(dry.out().contains("calls: 80 (A 8, B 8, judge 64)"), "8 pairs x (2 + 3 x 2) judge calls: " + dry.out() + dry.err());
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q");
        assertTrue(List.of(0, 1, 3).contains(r.exit()), r.err());
        String selfPreference = "Self-preference risk: judge sim-judge-1 (sim-judge-1) is in the same model family (acme) as variant B (sim-b)";
        assertTrue(r.err().contains("warning: " + selfPreference), "warned before the run: " + r.err());
        // Once: issue 19 found it printed twice (before the run and again in the summary), even with -q.
        assertFalse(r.out().contains(selfPreference), "not repeated in the summary: " + r.out());
        assertTrue(r.out().contains("judge agreement: Cohen's kappa"), r.out());

        Path run = CliRuns.newestRun(dir.resolve("reports"));
        List<CaseRecord> records = RecordedRun.readCases(run.resolve("cases.jsonl"));
        for (CaseRecord c : records) {
            assertEquals(2 + 6, c.traces().size(), "judge 1 in both orders, the sampled judge 3 times in both orders");
            assertEquals(Set.of("sim-judge-1", "sampled"), c.traces().stream().map(JudgeTrace::judge).collect(Collectors.toSet()));
        }

        JsonNode report = new ObjectMapper().readTree(run.resolve("report.json").toFile());
        JsonNode panel = report.path("analysis").path("judgePanel");
        assertEquals(2, panel.path("perJudge").size());
        assertEquals("cohen", panel.path("agreement").path("method").asText());
        assertEquals(3, panel.path("perJudge").get(1).path("samples").asInt());
        assertTrue(panel.path("perJudge").get(1).path("stability").isNumber());
        assertEquals("acme", panel.path("selfPreference").get(0).path("family").asText());
        JsonNode manifest = report.path("manifest");
        assertEquals(2, manifest.path("judges").size());
        assertEquals("sampled", manifest.path("judges").get(1).path("id").asText());
        assertEquals(0.8, manifest.path("judges").get(1).path("decoding").path("temperature").asDouble());
        assertEquals("acme", manifest.path("selfPreference").get(0).path("family").asText());

        String summary = Files.readString(run.resolve("summary.csv"));
        for (String row : List.of("judge.sim-judge-1.win_rate_b,", "judge.sampled.stability,", "judge_agreement_cohen_kappa,",
                "self_preference.sim-judge-1.B,acme")) {
            assertTrue(summary.contains(row), row + " in\n" + summary);
        }
        assertTrue(Files.readString(run.resolve("cases.csv")).lines().findFirst().orElseThrow().contains("judges,judge_truncated"));

        // report.html renders the judges panel: a row per judge and the agreement sentence.
        String html = Files.readString(run.resolve("report.html"));
        int start = html.indexOf("<section id=\"judges\"");
        assertTrue(start > 0, "the judges section is present");
        String section = html.substring(start, html.indexOf("</section>", start));
        assertTrue(section.contains("<code>sim-judge-1</code>") && section.contains("<code>sampled</code>"), section);
        assertTrue(section.contains("Cohen&#39;s kappa over 8 outcomes"), section); // HTML-escaped apostrophe
        assertTrue(section.contains("Repetition stability"), section);
        assertTrue(html.contains(selfPreference), "self-preference warning in the HTML too");
    }

    @Test
    void aPanelAcrossProvidersRunsThroughTheEngineAndAnOpenAiCompatibleServer() throws IOException {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(r -> FakeOpenAiServer.Reply.ok(
                    "{\"winner\": \"A\", \"scores\": {\"A\": {\"Clarity\": 4, \"Personal\": 4}, \"B\": {\"Clarity\": 3, \"Personal\": 3}}, \"reason\": \"A.\"}"));
            Path config = CliRuns.arena(dir, """
                    judge: {order: both, seed: 1}
                    judges:
                      - {provider: sim, model: sim-judge-1}
                      - {provider: local, model: gpt-4o-2024-08-06, structured: false}
                    families: {sim-a: openai}
                    """);
            // The fake server's port is only known now: add its provider to the written config.
            Files.writeString(config, Files.readString(config).replace("providers:\n", "providers:\n  local: {type: openai, base_url: \"" + server.baseUrl() + "\"}\n"));
            CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q", "--limit", "4");
            assertTrue(List.of(0, 1, 3).contains(r.exit()), r.out() + r.err());
            assertEquals(8, server.requests().size(), "4 pairs in both orders, only the panel's second judge calls the server");
            assertTrue(server.requests().stream().noneMatch(q -> q.json().has("response_format")), "structured: false");
            assertTrue(r.err().contains("judge gpt-4o-2024-08-06 (gpt-4o-2024-08-06) is in the same model family (openai) as variant A (sim-a)"), r.err());
            List<CaseRecord> records = RecordedRun.readCases(CliRuns.newestRun(dir.resolve("reports")).resolve("cases.jsonl"));
            assertTrue(records.stream().flatMap(c -> c.traces().stream()).filter(t -> t.judge().equals("gpt-4o-2024-08-06"))
                    .allMatch(t -> t.status() == JudgeStatus.OK), "the server's verdicts were read");
        }
    }
}
