package dev.promptarena.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.SequentialSpec;
import dev.promptarena.input.InputException;
import dev.promptarena.stats.sequential.Spending;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decision.sequential:} parsing and its file:line errors. */
class SequentialConfigTest {
    @TempDir Path dir;

    private Path write(String sequential) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes: []\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, ConfigLoaderTest.VALID + "decision:\n  alpha: 0.05\n  sequential:\n" + sequential);
        return p; // VALID has 11 lines, so the first sequential key is on line 15
    }

    private SequentialSpec load(String sequential) throws IOException {
        return new ConfigLoader(Map.of()).load(write(sequential)).policy().sequential();
    }

    private InputException error(String sequential) throws IOException {
        Path p = write(sequential);
        return assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
    }

    @Test
    void readsFractionsEveryAndAnytime() throws IOException {
        SequentialSpec s = load("    looks: [0.25, 0.5, 0.75, 1.0]\n    spending: pocock\n    futility: obrien_fleming\n    power: 0.9\n");
        assertEquals(SequentialSpec.Method.GROUP_SEQUENTIAL, s.method());
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), s.fractionsFor(200));
        assertEquals(Spending.POCOCK, s.spending());
        assertEquals(Spending.OBRIEN_FLEMING, s.futility());
        assertEquals(0.9, s.power());
        SequentialSpec every = load("    every: 50\n");
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), every.fractionsFor(200));
        assertEquals(List.of(50 / 120.0, 100 / 120.0, 1.0), every.fractionsFor(120), "the last look is at the last case");
        assertEquals(Spending.OBRIEN_FLEMING, every.spending());
        assertNull(every.futility());
        assertEquals(SequentialSpec.Method.ANYTIME, load("    method: anytime\n").method());
    }

    @Test
    void errorsNameFileLineAndKey() throws IOException {
        InputException e = error("    looks: [0.5, 0.3, 1.0]\n");
        assertEquals(15, e.line());
        assertEquals("decision.sequential.looks[1]", e.field());
        assertTrue(e.getMessage().contains("must increase"), e.getMessage());
        e = error("    looks: [0.25, 0.5]\n");
        assertTrue(e.getMessage().contains("last look must be 1.0"), e.getMessage());
        e = error("    looks: [0.5, 1.0]\n    every: 20\n");
        assertTrue(e.getMessage().contains("either looks"), e.getMessage());
        e = error("    spending: obrien_flemming\n    every: 10\n");
        assertEquals("decision.sequential.spending", e.field());
        assertTrue(e.getMessage().contains("did you mean 'obrien_fleming'"), e.getMessage());
        e = error("    method: anytime\n    every: 10\n");
        assertEquals(16, e.line());
        assertTrue(e.getMessage().contains("does not apply to method: anytime"), e.getMessage());
        e = error("    every: 0\n");
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        e = error("    every: 10\n    power: 0.3\n");
        assertEquals("decision.sequential.power", e.field());
        e = error("    every: 10\n    stop: early\n");
        assertEquals("decision.sequential.stop", e.field());
        e = error("    spending: pocock\n");
        assertTrue(e.getMessage().contains("give either looks"), e.getMessage());
    }
}
