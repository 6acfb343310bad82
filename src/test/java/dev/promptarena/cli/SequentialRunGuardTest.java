package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Until the run executes sequential designs (issue 16, phase 2), a config that registers one is refused
 * before anything is created or called: running it as a fixed design would silently break the registration.
 */
class SequentialRunGuardTest {
    @TempDir Path dir;

    @Test
    void validateAcceptsTheDesignAndRunRefusesIt() throws IOException {
        ArenaFixture.goldenSet(dir, 4);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random",
                "decision:\n  sequential: {looks: [0.5, 1.0], spending: pocock}");
        CliRun validate = CliRun.of("validate", cfg.toString());
        assertEquals(ExitCode.PASS.code(), validate.exitCode(), validate.out() + validate.err());
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(cfg + ": decision.sequential: sequential stopping is planned"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(dir.resolve("reports")), "nothing created");
    }
}
