package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {
    @TempDir Path tmp;

    @Test
    void assignsIdsFromAFileWithBothSchemes() throws Exception {
        Path ids = Files.writeString(tmp.resolve("ids.txt"), "return-ticket-48291\n\ndelivery-ticket-48292\nuser-2\n=cmd\n");
        CliRun conv = CliRun.of("assign", ids.toString(), "--scheme", "conversation", "--percent", "50");
        assertEquals(0, conv.exitCode(), conv.err());
        // canary.py vectors: conversation buckets and variants at 0.50
        assertTrue(conv.out().startsWith("id,variant,bucket\nreturn-ticket-48291,treatment,1617624561\ndelivery-ticket-48292,control,2975489564\n"), conv.out());
        assertTrue(conv.out().contains("'=cmd,"), "formula-looking id neutralized: " + conv.out());
        CliRun user = CliRun.of("assign", ids.toString(), "--experiment-id", "model-upgrade-2026-04", "--percent", "10",
                "--treatment", "challenger");
        assertEquals(0, user.exitCode(), user.err());
        assertTrue(user.out().contains("user-2,challenger,747\n"), user.out());
    }

    @Test
    void sampleRatioCheckExitsOneOnMismatch() {
        CliRun bad = CliRun.of("assign", "--percent", "1", "--observed", "control=9810", "--observed", "treatment=190");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.out().contains("SAMPLE RATIO MISMATCH"), bad.out());
        CliRun ok = CliRun.of("assign", "--percent", "20", "--observed", "control=8000", "--observed", "treatment=2100");
        assertEquals(0, ok.exitCode(), ok.out());
        assertTrue(ok.out().contains("p = 0.04658"), ok.out()); // scipy.stats.chisquare, canary.py
    }

    @Test
    void badInputExitsTwoWithoutStackTrace() {
        CliRun missing = CliRun.of("assign", tmp.resolve("nope.txt").toString(), "--experiment-id", "e", "--percent", "5");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.txt: no such file"), missing.err());
        CliRun noSalt = CliRun.of("assign", "--percent", "5");
        assertEquals(2, noSalt.exitCode());
        assertFalse(noSalt.err().contains("Exception"), noSalt.err());
        // A negative count reached SampleRatio's own check: exit 4, "counts must be >= 0, got: -1".
        CliRun negative = CliRun.of("assign", "--percent", "1", "--observed", "control=-1", "--observed", "treatment=190");
        assertEquals(2, negative.exitCode(), negative.err());
        assertTrue(negative.err().contains("--observed control: a count of units must be >= 0, got -1"), negative.err());
    }
}
