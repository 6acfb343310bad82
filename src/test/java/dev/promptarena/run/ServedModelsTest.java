package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import dev.promptarena.testing.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model and fingerprint providers served, per role with counts, in manifest.json, report.json and the HTML; a change warns. */
class ServedModelsTest {
    private static final String VERDICT = "{\\\"winner\\\": \\\"B\\\", \\\"scores\\\": {\\\"A\\\": {\\\"Clarity\\\": 3, \\\"Policy citation\\\": 2},"
            + " \\\"B\\\": {\\\"Clarity\\\": 4, \\\"Policy citation\\\": 5}}, \\\"reason\\\": \\\"ok\\\"}";
    @TempDir Path dir;

    private static Reply served(String model, String fingerprint, String content) {
        return new Reply("ok", 200, Map.of(), "{\"id\": \"x\", \"object\": \"chat.completion\", \"model\": \"" + model + "\", \"system_fingerprint\": \""
                + fingerprint + "\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"" + content
                + "\"}, \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 3}}", 0);
    }

    @Test
    void recordedPerRoleAndAChangeWithinTheRunWarns() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            AtomicInteger judgeCalls = new AtomicInteger();
            // The judge's provider moves to a new snapshot after 4 calls; A and B stay on one each.
            server.fallback(r -> switch (r.json().path("model").asText()) {
                case "judge-model" -> judgeCalls.incrementAndGet() <= 4 ? served("judge-model-2024-08-06", "fp_old", VERDICT)
                        : served("judge-model-2024-11-20", "fp_new", VERDICT);
                case "model-a" -> served("model-a-001", "fp_a", "Your parcel is on its way.");
                default -> served("model-b-001", "fp_b", "Hi Ana, per policy S-1 we trace it.");
            });
            ArenaFixture.goldenSet(dir, 6);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: K, concurrency: 1}",
                    "oa", "oa", "random", "");
            CliRun run = CliRun.of(Map.of("K", "sk-test"), "run", cfg.toString(), "-q");
            assertTrue(run.exitCode() != 2 && run.exitCode() != 4, run.err());
            assertTrue(run.err().contains("warning: the judge's provider served more than one model version in this run: "
                    + "judge-model-2024-08-06 (fp_old) x 4, judge-model-2024-11-20 (fp_new) x 2"), run.err());
            assertFalse(run.err().contains("variant A's provider served more than one"), run.err());
            Path runDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { runDir = s.findFirst().orElseThrow(); }
            JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
            assertEquals("model-a-001", manifest.at("/served/A/0/model").asText());
            assertEquals("fp_a", manifest.at("/served/A/0/fingerprint").asText());
            assertEquals("model-a", manifest.at("/served/A/0/requested").asText());
            assertEquals(6, manifest.at("/served/A/0/calls").asInt());
            assertEquals(2, manifest.at("/served/JUDGE").size());
            JsonNode report = new ObjectMapper().readTree(runDir.resolve("report.json").toFile());
            assertEquals(manifest.get("served"), report.at("/manifest/served"));
            String html = Files.readString(runDir.resolve("report.html"));
            assertTrue(html.contains("Served judge</th><td>judge-model-2024-08-06 (fp_old) x 4, judge-model-2024-11-20 (fp_new) x 2 — WARNING"), html.substring(0, 200));
            // `report` regenerates the same from the folder.
            assertTrue(CliRun.of("report", runDir.toString()).exitCode() != 2);
            assertEquals(html, Files.readString(runDir.resolve("report.html")));
        }
    }

    /**
     * A judge panel requests one model per judge (a tournament's candidates may too): several models in one role are no
     * change; a change is one requested model served as two versions, and only its versions are named.
     */
    @Test
    void aPanelsJudgesOnDifferentModelsAreNoChangeButOneJudgeMovingIs() {
        ServedModels.Served j1 = new ServedModels.Served("judge-1", "judge-1", "fp_1", 16);
        ServedModels.Served j2 = new ServedModels.Served("judge-2", "judge-2-0806", "fp_2", 10);
        ServedModels.Served j2Moved = new ServedModels.Served("judge-2", "judge-2-1120", "fp_3", 6);

        assertEquals(List.of(), ServedModels.changes(Map.of("JUDGE", List.of(j1, j2))));
        assertEquals(List.of("the judge's provider served more than one model version in this run: judge-2-0806 (fp_2) x 10, "
                + "judge-2-1120 (fp_3) x 6; its outputs are not from one model, so results may mix behaviours"),
                ServedModels.changes(Map.of("JUDGE", List.of(j1, j2, j2Moved))));
    }

    /** The served model and fingerprint are the provider's words: the warning goes to the terminal without their control characters. */
    @Test
    void theChangeWarningCarriesNoTerminalControlCharacters() {
        String w = ServedModels.changes(Map.of("JUDGE", List.of(
                new ServedModels.Served("j", "j-1\u001B]0;pwned\u0007", "fp\u001B[2J", 1),
                new ServedModels.Served("j", "j-2\u009B31m", null, 1)))).get(0);
        assertTrue(w.contains("j-1 (fp) x 1, j-231m x 1"), w); // whole escape sequences go, not only their control bytes
        assertTrue(w.chars().noneMatch(Character::isISOControl), w);
    }
}
