package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a complete run of the pre-registered design can PASS, and {@code report} exits as {@code run} did. */
class DeviationRunTest {
    @TempDir Path dir;

    private List<Path> runs() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void aSeedOverrideIsRecordedShownAndCannotPass() throws IOException {
        ArenaFixture.goldenSet(dir, 60);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim, options: {noise: 0}}", "sim", "sim", "random", "");
        CliRun pass = CliRun.of("run", cfg.toString(), "--quiet");
        assertEquals(ExitCode.PASS.code(), pass.exitCode(), "the candidate passes as pre-registered: " + pass.out() + pass.err());

        CliRun seeded = CliRun.of("run", cfg.toString(), "--quiet", "--seed", "908");
        assertEquals(ExitCode.INCONCLUSIVE.code(), seeded.exitCode(), seeded.out() + seeded.err());
        Path runDir = runs().get(1);
        JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
        assertTrue(manifest.at("/designChanges/0").asText().contains("--seed 908"), manifest.toString());
        JsonNode reasons = new ObjectMapper().readTree(runDir.resolve("report.json").toFile()).at("/analysis/decision/reasons");
        assertTrue(reasons.get(0).asText().startsWith("Deviation from the pre-registered design"), reasons.toString());
        assertTrue(Files.readString(runDir.resolve("summary.md")).contains("--seed 908"));
        assertTrue(Files.readString(runDir.resolve("report.html")).contains("--seed 908"));
        // report recomputes everything from the folder and exits exactly as run did.
        assertEquals(seeded.exitCode(), CliRun.of("report", runDir.toString()).exitCode());
        assertEquals(pass.exitCode(), CliRun.of("report", runs().get(0).toString()).exitCode());
    }

    @Test
    void aRunStoppedByTheBudgetIsInconclusiveInEveryFileAndForReport() throws IOException {
        ArenaFixture.goldenSet(dir, 60);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim, options: {noise: 0}}", "sim", "sim", "random",
                "prices: {model-a: {input: 1000, output: 1000}, model-b: {input: 1000, output: 1000}, judge-model: {input: 0, output: 0}}");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--max-cost", "0.5");
        assertEquals(ExitCode.INCONCLUSIVE.code(), run.exitCode(), run.out() + run.err());
        Path runDir = runs().get(0);
        JsonNode decision = new ObjectMapper().readTree(runDir.resolve("report.json").toFile()).at("/analysis/decision");
        assertEquals("INCONCLUSIVE", decision.get("outcome").asText());
        assertTrue(decision.at("/reasons/0").asText().startsWith("Incomplete run"), decision.toString());
        assertTrue(Files.readString(runDir.resolve("summary.csv")).contains("INCONCLUSIVE"));
        assertEquals(run.exitCode(), CliRun.of("report", runDir.toString()).exitCode());
    }
}
