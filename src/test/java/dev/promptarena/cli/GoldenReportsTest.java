package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private static final List<String> INPUTS = List.of("manifest.json", "cases.jsonl", "engine.json");

    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"fake", "example"})
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
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> !INPUTS.contains(f) && !f.equals("journal.jsonl") && !f.equals("outcomes.jsonl") && !f.startsWith("."))
                    .sorted().toList();
        }
    }
}
