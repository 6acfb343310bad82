package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served models are read on another thread while the analysis runs: what the analysis gets never depends on how
 * far that thread got (it gets no served model), and what the reports and manifest.json get is the manifest of the
 * former synchronous read, whenever the thread finishes.
 */
class EndedManifestTest {
    @TempDir Path dir;

    @Test
    void theAnalysisGetsNoServedModelAndTheReportsTheSynchronousReadsManifest() throws Exception {
        Manifest running = ManifestFactory.read(Path.of("src/test/resources/golden-main/fake/manifest.json")).withServed(null);
        Manifest ended = running.withEnd("2026-11-29T19:00:00Z", null);
        Path journal = dir.resolve("journal.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            // the judge switches snapshot part-way: the change is warned about, as the synchronous read did
            String role = i % 3 == 0 ? "A" : i % 3 == 1 ? "B" : "JUDGE";
            String served = role.equals("JUDGE") && i > 20 ? "j-2" : role.toLowerCase() + "-1";
            lines.append("{\"role\":\"").append(role).append("\",\"request\":{\"model\":\"m\"},\"response\":{\"model\":\"")
                    .append(served).append("\",\"systemFingerprint\":null}}\n");
        }
        Files.writeString(journal, lines);
        RunDirectory run = RunDirectory.createExact(dir.resolve("run"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        EndedManifest e = EndedManifest.start(ended, journal, run, new StorageAfterJournalFailure(null, errStream), errStream);
        assertNull(e.beforeServed().served(), "the analysis's manifest never holds served models, however far the read got");
        assertEquals(ended, e.beforeServed());
        Manifest complete = e.complete();
        Manifest synchronous = ended.withServed(ServedModels.read(journal));
        assertEquals(synchronous, complete);
        assertEquals(2, complete.served().get("JUDGE").size());
        // manifest.json holds it, byte for byte as the synchronous write did, by the time complete() returns
        assertEquals(RunDirectory.JSON.writeValueAsString(synchronous) + "\n", Files.readString(run.file("manifest.json")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: the judge's provider served more than one model version"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(complete, e.complete(), "joined again: the same manifest");
    }
}
