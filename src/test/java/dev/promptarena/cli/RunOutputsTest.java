package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs CI can find: {@code --run-dir}, the parent's {@code latest} pointer, and {@code -o FILE} by extension. */
class RunOutputsTest {
    private static final String EXAMPLE = "examples/support-bot.arena.yaml";
    @TempDir Path dir;

    @Test
    void runDirIsExactAndNeverReused() throws IOException {
        Path runDir = dir.resolve("ci/run-42");
        CliRun r = CliRun.of("run", EXAMPLE, "--run-dir", runDir.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(runDir.resolve("summary.md")));
        assertTrue(r.out().contains(runDir.resolve("report.html").toString()), r.out());
        assertEquals(runDir.toRealPath(), dir.resolve("ci/latest").toRealPath(), "latest points at the run");
        String before = Files.readString(runDir.resolve("report.json"));
        CliRun again = CliRun.of("run", EXAMPLE, "--run-dir", runDir.toString(), "-q");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("--run-dir: the folder is not empty"), again.err());
        assertFalse(again.err().contains("Exception"), again.err());
        assertEquals(before, Files.readString(runDir.resolve("report.json")));
        assertEquals(2, CliRun.of("run", EXAMPLE, "--run-dir", runDir.toString(), "--out", dir.toString()).exitCode());
    }

    @Test
    void latestFollowsTheNewestRunUnderOut() throws IOException {
        Path parent = dir.resolve("reports");
        // 10 and 12 cases of the example are too few to decide (INCONCLUSIVE); `latest` follows every run.
        assertEquals(3, CliRun.of("run", EXAMPLE, "--out", parent.toString(), "-q", "--limit", "10").exitCode());
        Path first = parent.resolve("latest").toRealPath();
        assertEquals(3, CliRun.of("run", EXAMPLE, "--out", parent.toString(), "-q", "--limit", "12").exitCode());
        Path second = parent.resolve("latest").toRealPath();
        assertFalse(first.equals(second));
        assertTrue(Files.readString(second.resolve("summary.md")).contains("n = 12"), Files.readString(second.resolve("summary.md")));
        assertTrue(Files.isSymbolicLink(parent.resolve("latest")));
        assertFalse(Files.readSymbolicLink(parent.resolve("latest")).isAbsolute(), "relative, so the folder can be moved");
        // `runs` lists each run once, not again through the link.
        assertTrue(CliRun.of("runs", parent.toString()).out().contains("2 run(s)"));
    }

    @Test
    void outputFilesByExtension() throws IOException {
        Path runDir = dir.resolve("run");
        CliRun r = CliRun.of("run", EXAMPLE, "--run-dir", runDir.toString(), "-q", "-o", dir.resolve("out/results.json").toString(),
                "--output", dir.resolve("cases.csv").toString(), "-o", dir.resolve("r.html").toString(), "-o", dir.resolve("s.md").toString(),
                "-o", dir.resolve("junit.xml").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(runDir.resolve("report.json")), Files.readString(dir.resolve("out/results.json")));
        assertEquals(Files.readString(runDir.resolve("cases.csv")), Files.readString(dir.resolve("cases.csv")));
        assertEquals(Files.readString(runDir.resolve("report.html")), Files.readString(dir.resolve("r.html")));
        assertEquals(Files.readString(runDir.resolve("summary.md")), Files.readString(dir.resolve("s.md")));
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("<testsuite"));

        // A format the extension does not name is refused before anything runs.
        CliRun bad = CliRun.of("run", EXAMPLE, "--run-dir", dir.resolve("never").toString(), "-o", "json");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("-o/--output: unknown format"), bad.err());
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
