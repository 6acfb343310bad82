package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run OTHER.yaml --resume RUN_DIR} completed the run with its own config and said nothing of OTHER.yaml: a user
 * who meant to resume with another config believed it had been used. Another config is refused (exit 2, nothing
 * written); the run's own config given beside --resume is accepted.
 */
class ResumeConfigArgumentTest {
    @TempDir Path dir;

    @Test
    void anotherConfigBesideResumeIsRefusedTheRunsOwnIsAccepted() throws Exception {
        Path run = CliRunner.runExample(dir.resolve("runs"));
        Path other = Files.copy(Path.of("examples/support-bot.arena.yaml"), dir.resolve("other.arena.yaml"));
        byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));

        CliRun refused = CliRun.of("run", other.toString(), "--resume", run.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), refused.exitCode(), refused.err());
        assertTrue(refused.err().startsWith("error: " + other + " is not the config of " + run), refused.err());
        assertTrue(refused.err().contains("drop ARENA_YAML"), refused.err());
        assertEquals(new String(manifest), Files.readString(run.resolve("manifest.json")), "nothing rewritten");

        CliRun same = CliRun.of("run", "examples/support-bot.arena.yaml", "--resume", run.toString(), "-q");
        assertNotEquals(ExitCode.USAGE_OR_INPUT.code(), same.exitCode(), same.err());
    }
}
