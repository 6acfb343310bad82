package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 3: the reports now stream the cases back from cases.jsonl and the analysis keeps no text, yet every
 * file is byte for byte what the run wrote when it rendered them from the records held in memory (golden copies
 * written by main, src/test/resources/golden-main/README.md). ReportRegenerationTest holds a run's own
 * files to {@code report}'s, so together a run writes what it wrote before.
 */
class GoldenReportsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-main");
    private static final Path CONFIGS = Path.of("src/test/resources/golden-configs");
    private static final List<String> INPUTS = List.of("manifest.json", "cases.jsonl", "engine.json");
    /** A tournament's inputs to {@code report} beside those of each pairing (pairs/<a>-vs-<b>/manifest.json, cases.jsonl). */
    private static final List<String> TOURNAMENT_INPUTS = List.of("manifest.json", "engine.json", "tournament.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"fake", "example", "panel"})
    void reportWritesTheBytesTheRunWroteFromMemory(String name) throws Exception {
        Path golden = GOLDEN.resolve(name);
        Path copy = Files.createDirectories(tmp.resolve(name));
        for (String f : INPUTS) Files.copy(golden.resolve(f), copy.resolve(f));

        CliRun r = CliRun.of("report", copy.toString());

        assertTrue(List.of(0, 1, 3).contains(r.exitCode()), "exits with the gate's code: " + r.exitCode() + " " + r.err());
        List<String> derived = derived(golden);
        assertTrue(derived.size() >= 7, "report.json, report.html, summary.md and the CSVs: " + derived);
        for (String f : derived) {
            assertArrayEquals(Files.readAllBytes(golden.resolve(f)), Files.readAllBytes(copy.resolve(f)), name + "/" + f + " differs");
        }
        assertEquals(derived, derived(copy), "the same files");
    }

    @Test
    void aTournamentsReportWritesTheGoldenTournamentFiles() throws Exception {
        Path golden = GOLDEN.resolve("tournament");
        Path copy = Files.createDirectories(tmp.resolve("tournament"));
        for (String f : TOURNAMENT_INPUTS) Files.copy(golden.resolve(f), copy.resolve(f));
        List<String> pairings = pairings(golden);
        assertEquals(List.of("baseline-vs-name", "baseline-vs-short", "name-vs-short"), pairings, "three variants, round robin");
        for (String pairing : pairings) {
            Path dir = Files.createDirectories(copy.resolve("pairs").resolve(pairing));
            for (String f : List.of("manifest.json", "cases.jsonl")) Files.copy(golden.resolve("pairs").resolve(pairing).resolve(f), dir.resolve(f));
        }

        CliRun r = CliRun.of("report", copy.toString());

        assertTrue(List.of(0, 1, 3).contains(r.exitCode()), "exits with the gate's code: " + r.exitCode() + " " + r.err());
        List<String> derived = derived(golden, TOURNAMENT_INPUTS);
        assertEquals(List.of("pairs.csv", "ranking.csv", "report.html", "report.json", "summary.md"), derived);
        for (String f : derived) {
            assertArrayEquals(Files.readAllBytes(golden.resolve(f)), Files.readAllBytes(copy.resolve(f)), "tournament/" + f + " differs");
        }
        assertEquals(derived, derived(copy, TOURNAMENT_INPUTS), "the same files");
    }

    /**
     * The golden panel's biased judge has a raw order p below 0.05 that Holm over the three judges lifts above it: its
     * summary.csv note names both, and calls it significant nowhere (the run's own report rewrites these bytes above).
     */
    @Test
    void thePanelsBiasedJudgeShowsItsAdjustedPBesideTheRawOne() throws Exception {
        String note = Files.readAllLines(GOLDEN.resolve("panel/summary.csv")).stream()
                .filter(l -> l.startsWith("judge.biased.first_slot_share,")).findFirst().orElseThrow();

        assertTrue(note.endsWith("\"position bias; binomial p = 0.03515625, Holm-adjusted over the panel's judges 0.10546875\""), note);
    }

    /**
     * The panel and tournament goldens are what their configs run to on the simulated provider (golden-configs/regenerate.sh
     * rewrites them): everything but the manifest's times and paths, which report.json embeds, is the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"panel", "tournament"})
    void theSimulatedGoldensAreWhatTheirConfigsRunTo(String name) throws Exception {
        Path run = tmp.resolve(name);
        CliRun r = CliRun.of("run", CONFIGS.resolve(name + ".arena.yaml").toString(), "--no-cache", "-q", "--run-dir", run.toString());

        assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.exitCode() + " " + r.err());
        // The panel's judges request three models and the simulator serves each as one version: no model changed.
        assertFalse(r.err().contains("served more than one model version"), r.err());
        JsonNode golden = JSON.readTree(GOLDEN.resolve(name).resolve("report.json").toFile());
        JsonNode fresh = JSON.readTree(run.resolve("report.json").toFile());
        List<String> compared = name.equals("panel") ? List.of("analysis", "cases") : List.of("layout", "analysis");
        for (String field : compared) assertEquals(golden.get(field), fresh.get(field), name + " report.json " + field);
        if (name.equals("panel")) {
            assertArrayEquals(Files.readAllBytes(GOLDEN.resolve("panel/cases.jsonl")), Files.readAllBytes(run.resolve("cases.jsonl")));
        } else {
            for (String pairing : pairings(GOLDEN.resolve(name))) {
                Path cases = Path.of("pairs", pairing, "cases.jsonl");
                assertArrayEquals(Files.readAllBytes(GOLDEN.resolve(name).resolve(cases)), Files.readAllBytes(run.resolve(cases)), cases.toString());
            }
        }
    }

    @Test
    void aRunWithChecksAndItsReportAgreeOnTheRubricOrderOfChecks() throws Exception {
        // cases.jsonl sorts map keys: read back, a side's checks came alphabetically, and report listed them so.
        CliRun run = CliRun.of("run", "examples/support-bot.recorded.arena.yaml", "--out", tmp.resolve("runs").toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        Path dir;
        try (Stream<Path> dirs = RunFolders.list(tmp.resolve("runs"))) {
            dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        for (String f : INPUTS) Files.copy(dir.resolve(f), copy.resolve(f));
        assertEquals(0, CliRun.of("report", copy.toString()).exitCode());
        List<String> derived = derived(dir);
        assertTrue(derived.contains("checks.csv"), derived.toString());
        for (String f : derived) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(copy.resolve(f)), f + " differs");
        }
    }

    /** The files {@code report} writes: everything but its inputs (and the run's journal and outcomes). */
    private static List<String> derived(Path dir) throws Exception {
        return derived(dir, INPUTS);
    }

    private static List<String> derived(Path dir, List<String> inputs) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(f -> !inputs.contains(f) && !f.equals("journal.jsonl") && !f.equals("outcomes.jsonl") && !f.startsWith("."))
                    .sorted().toList();
        }
    }

    private static List<String> pairings(Path tournament) throws Exception {
        try (Stream<Path> dirs = Files.list(tournament.resolve("pairs"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
