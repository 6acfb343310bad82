package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class RunCommandSimTest {
    @TempDir Path dir;

    private Path onlyRun() throws IOException {
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) {
            List<Path> runs = s.toList();
            assertEquals(1, runs.size());
            return runs.get(0);
        }
    }

    @Test
    void aJudgeThatAlwaysPicksTheFirstSlotGivesHalfUnderRandomOrderAndFirstShareNearOne() throws IOException {
        ArenaFixture.goldenSet(dir, 400);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim, options: {position_bias: 1.0}}", "sim", "sim", "random", "");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
        assertEquals(ExitCode.INCONCLUSIVE.code(), run.exitCode(), run.out() + run.err());
        JsonNode report = new ObjectMapper().readTree(onlyRun().resolve("report.json").toFile());
        JsonNode w = report.at("/analysis/winRate");
        // Balanced order: B is shown first in exactly half the cases, so a first-slot judge gives B exactly half,
        // and the position-adjusted estimate (mean of the two orders) is exactly 0.5 whatever the seed.
        assertEquals(0.5, w.get("winRate").asDouble(), 0);
        assertEquals(0.5, w.get("estimate").asDouble(), 0);
        JsonNode order = report.at("/analysis/orderBias");
        assertEquals(1.0, order.get("firstShare").asDouble(), 1e-9);
        assertTrue(order.get("significant").asBoolean());
        assertTrue(run.out().contains("first"), "the bias is reported plainly: " + run.out());
    }

    @Test
    void theBundledStyleRunWritesEveryFileAndPrintsTheReportPath() throws IOException {
        ArenaFixture.goldenSet(dir, 30);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "both", "");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
        assertTrue(List.of(0, 1, 3).contains(run.exitCode()), run.err());
        Path runDir = onlyRun();
        for (String f : List.of("manifest.json", "cases.jsonl", "cases.csv", "summary.csv", "axes.csv", "segments.csv", "report.json")) {
            assertTrue(Files.exists(runDir.resolve(f)), f);
        }
        assertTrue(run.out().contains(runDir.toString()), run.out());
        JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
        assertEquals("both", manifest.at("/judge/order").asText());
        assertEquals(64, manifest.get("configSha256").asText().length());
        assertFalse(manifest.get("partial").asBoolean());
        // order: both judges each case twice, swapped.
        String firstCase = Files.readAllLines(runDir.resolve("cases.jsonl")).get(0);
        JsonNode traces = new ObjectMapper().readTree(firstCase).get("traces");
        assertEquals(2, traces.size());
        assertTrue(traces.get(0).get("bFirst").asBoolean() != traces.get(1).get("bFirst").asBoolean());
    }

    @Test
    void badInputExitsTwoWithFileLineAndNoStackTrace() throws IOException {
        ArenaFixture.goldenSet(dir, 3);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random", "temprature: 1");
        CliRun run = CliRun.of("run", cfg.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(cfg + ":") && run.err().contains("temprature") && run.err().contains("unknown key"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(dir.resolve("reports")), "nothing is created for an invalid config");
    }

    @Test
    void missingTemplateFieldNamesTheDatasetLine() throws IOException {
        ArenaFixture.goldenSet(dir, 3);
        Files.writeString(dir.resolve("golden.jsonl"), "{\"id\": \"x\", \"customer_name\": \"A\", \"context\": \"c\"}\n", java.nio.file.StandardOpenOption.APPEND);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random", "");
        CliRun run = CliRun.of("validate", cfg.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("golden.jsonl:4: message:"), run.err());
    }
}
