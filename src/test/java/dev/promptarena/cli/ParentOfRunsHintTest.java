package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `report reports` (the parent of the run folders, the usual slip) said only that manifest.json is missing. */
class ParentOfRunsHintTest {
    @TempDir Path dir;

    @Test
    void theParentOfRunFoldersNamesOneToGive() throws Exception {
        Path parent = dir.resolve("reports");
        Path run = CliRunner.runExample(parent);
        String missing = "error: " + parent.resolve("manifest.json") + ": not a run folder: manifest.json is missing; it holds run folders: give one of them, e.g. ";
        CliRuns.Result viaLatest = CliRuns.cli("report", parent.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), viaLatest.exit());
        assertEquals(missing + parent.resolve("latest"), viaLatest.err().strip());

        Files.deleteIfExists(parent.resolve("latest"));
        Files.deleteIfExists(parent.resolve("latest.txt"));
        CliRuns.Result viaFolder = CliRuns.cli("compare", parent.toString(), run.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), viaFolder.exit());
        assertEquals(missing + run, viaFolder.err().strip());
    }
}
