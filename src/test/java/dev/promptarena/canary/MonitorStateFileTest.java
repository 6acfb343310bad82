package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code canary check --state}: only a state file is read as one, since the check then rewrites it. */
class MonitorStateFileTest {
    @TempDir Path dir;

    @Test
    void aStateFileReadsBack() throws IOException {
        Path p = dir.resolve("state.json");
        MonitorState s = MonitorState.initial();
        Files.writeString(p, MonitorStateFile.toJson(s));
        assertEquals(s, MonitorStateFile.read(p));
    }

    @Test
    void anotherJsonObjectIsNotAStateFile() throws IOException {
        // A run's report.json given as --state was read as the initial state, then overwritten with the new state.
        Path report = dir.resolve("report.json");
        Files.writeString(report, "{\"schema\": \"prompt-arena/report\", \"decision\": \"PASS\"}\n");
        InputException e = assertThrows(InputException.class, () -> MonitorStateFile.read(report));
        assertEquals("schema", e.field());
        assertEquals("{\"schema\": \"prompt-arena/report\", \"decision\": \"PASS\"}\n", Files.readString(report));

        Path stage = dir.resolve("stage.json");
        Files.writeString(stage, "{\"stage\": \"x\"}\n");
        assertEquals("stage", assertThrows(InputException.class, () -> MonitorStateFile.read(stage)).field());
    }

    @Test
    void anUnknownStatusIsNamedWithoutAJavaClassName() throws IOException {
        // valueOf's message was "No enum constant dev.promptarena.canary.MonitorState.Status.bogus".
        Path p = dir.resolve("state.json");
        Files.writeString(p, "{\"stage\": 0, \"status\": \"bogus\"}\n");
        InputException e = assertThrows(InputException.class, () -> MonitorStateFile.read(p));
        assertEquals("status", e.field());
        assertEquals("expected one of [RUNNING, PAUSED, ROLLED_BACK, COMPLETE], got 'bogus'", e.getMessage());
        assertFalse(e.describe().contains("dev.promptarena"), e.describe());
    }
}
