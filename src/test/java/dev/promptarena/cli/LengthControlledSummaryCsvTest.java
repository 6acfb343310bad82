package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decision.metric: length_controlled_win_rate}: summary.csv's primary_estimate_b is the estimate the gate decided
 * on and the length-controlled row is marked primary (they were the judge's raw win rate and "exploratory").
 */
class LengthControlledSummaryCsvTest {
    @TempDir Path dir;

    @Test
    void summaryCsvNamesTheGatesEstimateAsPrimary() throws Exception {
        // The bundled example, whose length-controlled rate (0.475) differs from the raw one (0.706).
        Path examples = Path.of("examples").toAbsolutePath();
        String yaml = Files.readString(examples.resolve("support-bot.arena.yaml"))
                .replace("../golden-sets/", examples.resolveSibling("golden-sets") + "/")
                .replace("../rubrics/", examples.resolveSibling("rubrics") + "/")
                .replace("output: ../reports", "output: " + dir.resolve("reports"))
                .replace("  test: superiority\n", "  test: superiority\n  metric: length_controlled_win_rate\n");
        Path config = Files.writeString(dir.resolve("lc.arena.yaml"), yaml);
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q", "--no-cache");
        assertNotEquals(2, r.exit(), r.err());
        Path run = CliRuns.newestRun(dir.resolve("reports"));
        JsonNode decision = new ObjectMapper().readTree(run.resolve("report.json").toFile()).path("analysis").path("decision");
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(run.resolve("summary.csv"))) rows.putIfAbsent(line.split(",")[0], line.split(",", -1));
        assertEquals(decision.path("winRate").asDouble(), Double.parseDouble(rows.get("primary_estimate_b")[1]), 1e-9);
        assertEquals(decision.path("interval").path("lower").asDouble(), Double.parseDouble(rows.get("primary_estimate_b")[2]), 1e-9);
        assertNotEquals(rows.get("win_rate_b")[1], rows.get("primary_estimate_b")[1], "the fixture's raw and length-controlled rates differ");
        assertEquals("primary", rows.get("length_controlled_win_rate_b")[5]);
    }
}
