package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled tournament example (4 variants, round robin) on the simulated provider, end to end: the calls made
 * match the dry run, each variant's output is the same in all its pairings, the tournament files are written, and
 * {@code report <run-dir>} rewrites them byte for byte.
 */
class TournamentSimRunTest {
    private static final Path EXAMPLE = Path.of("examples/support-bot.tournament.arena.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("report.json", "ranking.csv", "pairs.csv", "summary.md", "report.html",
            "pairs/baseline-vs-short/report.json", "pairs/cite-policy-vs-short/summary.csv");

    @TempDir Path dir;

    @Test
    void runsTheExampleTournamentAndRegeneratesItsReports() throws IOException {
        Path run = dir.resolve("run");
        CliRun dry = CliRun.of("run", EXAMPLE.toString(), "--limit", "10", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("4 variants (control baseline), schedule round_robin: 6 pairings per case"), dry.out());
        assertTrue(dry.out().contains("calls: 100 (A 10, B 30, judge 60)"), dry.out());

        CliRun result = CliRun.of("run", EXAMPLE.toString(), "--limit", "10", "--no-cache", "-q", "--run-dir", run.toString());
        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        String outcome = report.at("/analysis/decision/outcome").asText();
        assertEquals(ExitCode.of(dev.promptarena.decision.Outcome.valueOf(outcome)).code(), result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("Tournament: " + outcome), result.out());
        // Exactly what the dry run counted: 4 variants x 10 cases generated once each, 6 pairs x 10 cases judged.
        JsonNode engine = JSON.readTree(run.resolve("engine.json").toFile());
        assertEquals(100, engine.path("requested").asInt());
        assertEquals(100, engine.path("issued").asInt());
        assertEquals(10, engine.at("/byRole/A/calls").asInt());
        assertEquals(30, engine.at("/byRole/B/calls").asInt());
        assertEquals(60, engine.at("/byRole/JUDGE/calls").asInt());

        // One generation per variant and case, seen by every pairing it plays in (control as A, cite-policy as B then A).
        assertEquals(outputs(run, "baseline-vs-short", "a"), outputs(run, "baseline-vs-cite-policy", "a"));
        assertEquals(outputs(run, "baseline-vs-cite-policy", "b"), outputs(run, "cite-policy-vs-short", "a"));
        assertEquals(outputs(run, "baseline-vs-short", "b"), outputs(run, "cite-policy-and-name-vs-short", "b"));

        assertEquals(5, Files.readAllLines(run.resolve("ranking.csv")).size(), "header + 4 variants");
        assertEquals(7, Files.readAllLines(run.resolve("pairs.csv")).size(), "header + 6 pairs");
        assertEquals(3, report.at("/analysis/decision/candidates").size());

        Map<String, byte[]> before = new HashMap<>();
        for (String f : FILES) before.put(f, Files.readAllBytes(run.resolve(f)));
        CliRun again = CliRun.of("report", run.toString());
        assertEquals(result.exitCode(), again.exitCode(), again.err());
        for (String f : FILES) assertArrayEquals(before.get(f), Files.readAllBytes(run.resolve(f)), f);
        // A pairing's folder is a two-variant run folder of its own.
        CliRun pair = CliRun.of("report", run.resolve("pairs/baseline-vs-short").toString());
        assertEquals(report.at("/analysis/pairs/2/analysis/decision/outcome").asText(),
                JSON.readTree(run.resolve("pairs/baseline-vs-short/report.json").toFile()).at("/analysis/decision/outcome").asText());
        assertTrue(List.of(0, 1, 3, 4).contains(pair.exitCode()), pair.err());
    }

    private static List<String> outputs(Path run, String pair, String side) throws IOException {
        return Files.readAllLines(run.resolve("pairs").resolve(pair).resolve("cases.jsonl")).stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l).path(side).path("output").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }
}
