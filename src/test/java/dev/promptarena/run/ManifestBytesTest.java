package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.testing.CliRun;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * manifest.json is read by every command that opens a run folder and written back by resume, merge and the run's end:
 * what Manifest reads, it writes back byte for byte, and the builder every writer goes through keeps every field.
 */
class ManifestBytesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-main");
    /** Written by this version with every field set (a sequential run, interrupted, with --seed, a reference margin and an embedder). */
    private static final Path EVERY_FIELD = Path.of("src/test/resources/manifests/every-field.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    /** The golden run folders' manifests, written by earlier versions (before sequential designs and case-id rules were recorded). */
    static Stream<Path> goldenManifests() throws Exception {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            return files.filter(f -> f.getFileName().toString().equals("manifest.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("goldenManifests")
    void aManifestWrittenByAnEarlierVersionIsWrittenBackUnchanged(Path file) throws Exception {
        Manifest read = ManifestFactory.read(file);

        assertNull(read.caseIds(), file + " predates the case-id rule: it must stay absent, not be written as null");
        assertEquals(Files.readString(file), RunDirectory.JSON.writeValueAsString(read) + "\n", file.toString());
        assertEquals(Files.readString(file), RunDirectory.JSON.writeValueAsString(read.toBuilder().build()) + "\n", file.toString());
    }

    @Test
    void aManifestWithEveryFieldIsWrittenBackUnchangedAndItsBuilderKeepsEveryField() throws Exception {
        Manifest read = ManifestFactory.read(EVERY_FIELD);
        for (RecordComponent c : Manifest.class.getRecordComponents()) {
            // a field added later must be set in the fixture too, or a builder that forgot it would go unnoticed
            assertNotNull(c.getAccessor().invoke(read), c.getName() + " is not set in " + EVERY_FIELD);
        }

        assertEquals(read, read.toBuilder().build());
        assertEquals(Files.readString(EVERY_FIELD), RunDirectory.JSON.writeValueAsString(read.toBuilder().build()) + "\n");
    }

    @Test
    void theCopyMethodsChangeOnlyTheirFields() {
        Manifest m = ManifestFactory.read(EVERY_FIELD);

        Manifest running = m.withEnd(null, null);
        assertEquals(m.toBuilder().end(null, null).build(), running);
        assertFalse(running.partial());
        assertNull(running.finishedAt());
        assertEquals(m, running.withEnd(m.finishedAt(), m.partialReason()), "withEnd touches finishedAt, partial and partialReason only");
        assertEquals(m, m.withServed(null).withServed(m.served()), "withServed touches served only");
        assertEquals(m, m.withSequential(null).withSequential(m.sequential()), "withSequential touches sequential only");
        assertNull(m.withSequential(null).sequential());
    }

    @Test
    void aFieldTheBuilderIsNotGivenIsNullAsInRunFoldersFromBeforeIt() {
        Manifest m = Manifest.builder().runId("r").end("2026-11-30T00:00:00Z", "stopped").build();

        assertEquals(1, m.schemaVersion());
        assertEquals("prompt-arena", m.tool());
        assertTrue(m.partial(), "a partial reason makes the run partial");
        assertNull(m.caseIds());
        assertNull(m.sequential());
        assertNull(m.embedderModel());
    }

    /** ManifestFactory.create through the builder: a fresh run of the golden panel config writes the golden manifest. */
    @Test
    void aFreshRunOfThePanelConfigWritesTheGoldenManifest() throws Exception {
        Path run = tmp.resolve("panel");
        CliRun r = CliRun.of("run", "src/test/resources/golden-configs/panel.arena.yaml", "--no-cache", "-q", "--run-dir", run.toString());
        assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.exitCode() + " " + r.err());

        ObjectNode golden = (ObjectNode) JSON.readTree(GOLDEN.resolve("panel/manifest.json").toFile());
        ObjectNode fresh = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        assertEquals(Manifest.CASE_IDS_AS_WRITTEN, fresh.remove("caseIds").asText(), "the golden was written before the case-id rule");
        // Where and when it ran, and by which build: the rest is what the config and the simulated provider make.
        for (String volatileField : List.of("toolVersion", "configFile", "datasetFile", "rubricFile", "startedAt", "finishedAt", "args")) {
            assertFalse(fresh.path(volatileField).isMissingNode() || fresh.get(volatileField).isNull(), volatileField);
            golden.remove(volatileField);
            fresh.remove(volatileField);
        }
        assertEquals(golden, fresh);
        assertEquals(List.copyOf(golden.properties()).stream().map(e -> e.getKey()).toList(),
                List.copyOf(fresh.properties()).stream().map(e -> e.getKey()).toList(), "field order");
    }
}
