package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocateCommandTest {
    @TempDir Path tmp;

    @Test
    void printsTheSplitAndTheFixedDesignNote() throws Exception {
        Path counts = Files.writeString(tmp.resolve("counts.csv"), "variant,successes,failures\ncontrol,120,380\ntreatment,135,365\n");
        CliRun r = CliRun.of("allocate", "--counts", counts.toString());
        assertEquals(0, r.exitCode(), r.err());
        // P(best) = 0.1386 / 0.8614 by integration (canary.py); 100,000 draws: SE 0.11 points
        assertTrue(r.out().matches("(?s).*control\\s+13\\.[5-9]\\d% of traffic.*treatment\\s+86\\.[0-5]\\d% of traffic.*"), r.out());
        assertTrue(r.out().contains("a fixed A/B split is the better design"), r.out());
    }

    @Test
    void badCountsNameLineAndField() throws Exception {
        Path counts = Files.writeString(tmp.resolve("counts.csv"), "variant,successes,failures\ncontrol,120,380\ntreatment,many,365\n");
        CliRun r = CliRun.of("allocate", "--counts", counts.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("counts.csv:3: successes: expected a number, got 'many'"), r.err());
    }

    @Test
    void drawsOutsideTheUsefulRangeAreRefusedBeforeAnyDraw() throws Exception {
        Path counts = Files.writeString(tmp.resolve("counts.csv"), "variant,successes,failures\ncontrol,120,380\ntreatment,135,365\n");
        CliRun huge = CliRun.of("allocate", "--counts", counts.toString(), "--draws", "2000000000");
        assertEquals(2, huge.exitCode());
        assertEquals("error: --draws must be 1,000 to 10,000,000, got 2,000,000,000", huge.err().strip());
        assertEquals("", huge.out());
        CliRun few = CliRun.of("allocate", "--counts", counts.toString(), "--draws", "10");
        assertEquals("error: --draws must be 1,000 to 10,000,000, got 10", few.err().strip());
    }
}
