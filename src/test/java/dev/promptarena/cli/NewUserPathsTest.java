package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's wrong paths on the less-travelled commands: a folder where a file goes, an empty file, an output that
 * cannot be written. Each is one {@code error:} line naming the path, exit 2, no stack trace or Java name, nothing created.
 */
class NewUserPathsTest {
    @TempDir Path dir;

    /** The one error line of a refused command. */
    private static String refused(String... args) {
        CliRuns.Result r = CliRuns.cli(args);
        assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.out() + r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("java."), r.err());
        return errors.get(0);
    }

    private List<Path> contents() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFolderWhereAnInputFileGoesIsNamedAsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("events"));
        // allocate, signals and score read through one CSV/JSONL reader, which took the folder for an empty file
        // ("the file is empty; expected a header row"); assign said "no such file".
        String fold = "cannot read: is a directory";
        assertTrue(refused("allocate", "--counts", folder.toString()).contains(folder + ": " + fold));
        assertTrue(refused("signals", folder.toString()).contains(folder + ": " + fold));
        assertTrue(refused("assign", "--percent", "50", "--experiment-id", "e", folder.toString()).contains(folder + ": " + fold));
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        assertTrue(refused("score", folder.toString(), "--judge", config.toString()).contains(folder + ": " + fold));
    }

    @Test
    void anIdsFileWithoutIdsIsAnError() throws IOException {
        Path empty = Files.writeString(dir.resolve("ids.txt"), "\n  \n");
        CliRuns.Result r = CliRuns.cli("assign", "--percent", "50", "--experiment-id", "e", empty.toString());
        // Was exit 0 and a header: an empty or wrong file assigned nothing without a word.
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(empty + ":1: no ids in the file"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aFolderGivenAsTheJUnitFileIsRefusedBeforeAnythingRunsOrIsWritten() throws Exception {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        Path junit = Files.createDirectory(dir.resolve("junit"));
        List<Path> before = contents();
        // run spent its calls and then failed to write it (exit 4, a run folder left behind); now refused up front.
        assertTrue(refused("run", config.toString(), "--quiet", "--junit", junit.toString()).contains(junit + ": --junit: is a folder"));
        assertTrue(refused("run", config.toString(), "--dry-run", "--junit", junit.toString()).contains("--junit: is a folder"));
        assertTrue(refused("run", config.toString(), "--quiet", "-o", Files.createDirectory(dir.resolve("out.json")).toString())
                .contains("-o/--output: is a folder"));
        Files.delete(dir.resolve("out.json"));
        assertEquals(before, contents(), "nothing created");

        Path run = dir.resolve("run");
        assertTrue(List.of(0, 1, 3).contains(CliRuns.cli("run", config.toString(), "--quiet", "--run-dir", run.toString()).exit()));
        long modified = Files.getLastModifiedTime(run.resolve("summary.md")).toMillis();
        // report rewrote every report and then failed on the JUnit file with exit 4.
        assertTrue(refused("report", run.toString(), "--junit", junit.toString()).contains("--junit: is a folder"));
        assertTrue(refused("merge", run.toString(), "--junit", junit.toString()).contains("--junit: is a folder"));
        assertEquals(modified, Files.getLastModifiedTime(run.resolve("summary.md")).toMillis());
    }

    @Test
    void aDryRunRefusesWhatTheRunWouldRefuse() throws Exception {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        // Each passed the dry run (exit 0) and was then refused by the run.
        assertTrue(refused("run", config.toString(), "--dry-run", "--labels", dir.resolve("missing.csv").toString()).contains("missing.csv: file not found"));
        assertTrue(refused("run", config.toString(), "--dry-run", "--out", file.toString()).contains("is a file, not a directory"));
        Path used = Files.createDirectory(dir.resolve("used"));
        Files.writeString(used.resolve("x"), "");
        assertTrue(refused("run", config.toString(), "--dry-run", "--run-dir", used.toString()).contains("--run-dir: the folder is not empty"));
        assertEquals(0, CliRuns.cli("run", config.toString(), "--dry-run", "--run-dir", dir.resolve("new").toString()).exit());
        assertFalse(Files.exists(dir.resolve("new")), "a dry run creates no folder");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // without the check the loop waits for the file forever: a hang, not a pass
    void watchOnAConfigThatIsNotThereStopsAtOnce() throws IOException {
        assertTrue(refused("run", dir.resolve("arena.yml").toString(), "--watch").contains("arena.yml: file not found"));
        Path folder = Files.createDirectory(dir.resolve("conf"));
        assertTrue(refused("run", folder.toString(), "--watch").contains("cannot read: is a directory"));
    }

    @Test
    void anOutputFolderUnderAFileIsRefusedBeforeTheWork() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.txt"), "x");
        // signals analysed the log, then failed to create the folder: exit 4, "already exists" / "Not a directory: not a directory".
        assertTrue(refused("signals", "src/test/resources/canary/events.jsonl", "--out", file.toString()).contains("--out: is a file; give a folder"));
        assertTrue(refused("signals", "src/test/resources/canary/events.jsonl", "--out", file.resolve("sub").toString())
                .contains(file + " is a file; give a folder"));
        // canary plan built the plan, then failed to write it (exit 4); with --force it wrote over a folder's name.
        Path run = CliRunner.runExample(dir.resolve("runs"));
        assertTrue(refused("canary", "plan", run.toString(), "--out", file.resolve("plan.yaml").toString()).contains("--out: is a file"));
        Path folder = Files.createDirectory(dir.resolve("plan.yaml"));
        assertTrue(refused("canary", "plan", run.toString(), "--out", folder.toString(), "--force").contains("--out: is a folder"));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void smallerMessagesThatSaidTheWrongThing() throws Exception {
        // A repeated variant of --observed kept the last and said "needs exactly control=N and treatment=N, got [control]".
        assertTrue(refused("assign", "--percent", "50", "--observed", "control=10", "--observed", "control=20")
                .contains("--observed control is given twice (control=10 and control=20)"));
        // A value far out of range printed all 309 digits of 1e308.
        String huge = refused("plan", "winrate", "--win-rate", "1e308");
        assertTrue(huge.endsWith("got: 1.0E308"), huge);
        assertTrue(refused("plan", "winrate", "--win-rate", "1.5").endsWith("got: 1.5"), "what a user types stays as typed");
        // A file where label's --out folder goes was "no such folder".
        Path file = Files.writeString(dir.resolve("taken.txt"), "x");
        Path run = dir.resolve("run");
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        assertTrue(List.of(0, 1, 3).contains(CliRuns.cli("run", config.toString(), "--quiet", "--run-dir", run.toString()).exit()));
        assertTrue(refused("label", run.toString(), "--out", file.resolve("sheet.csv").toString()).contains(file + ": is a file, not a folder"));
    }
}
