package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded outputs in a tournament are refused with what to do instead: {@code --responses} (a combined file names only
 * output_a and output_b) and a variant's {@code responses:} (not read by the tournament runner yet). Exit 2, the file
 * (and line and field for the config), no stack trace, no run folder.
 */
class TournamentRecordedRefusalTest {
    @TempDir Path dir;

    private Path config(String extra) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes:\n  - name: Clarity\n    description: Easy to follow?\n"
                + "    anchors: {1: confusing, 3: wordy, 5: direct}\n");
        Files.writeString(dir.resolve("rec.jsonl"), "{\"id\":\"1\",\"output\":\"x\",\"output_a\":\"x\",\"output_b\":\"y\"}\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, """
                name: t
                dataset: cases.jsonl
                rubric: rubric.yaml
                output: out
                providers:
                  sim: {type: sim}
                judge: {provider: sim, model: j, seed: 9}
                variants:
                  prod: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"%s}
                  z: {provider: sim, model: m, user: "{{q}}"}
                tournament: {schedule: round_robin}
                """.formatted(extra));
        return p;
    }

    @Test
    void combinedResponsesCannotNameATournamentsVariants() throws IOException {
        Path cfg = config("");
        CliRun r = CliRun.of("run", cfg.toString(), "--responses", dir.resolve("rec.jsonl").toString(), "-q");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(dir.resolve("rec.jsonl").toString()), r.err());
        assertTrue(r.err().contains("a combined file (id, output_a, output_b) names two variants, and a tournament has more;"
                + " run each candidate against the control as a two-variant config with --responses"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "no run folder");
    }

    @Test
    void aVariantsResponsesIsRefusedWithTheTwoVariantWayToDoIt() throws IOException {
        Path cfg = config(", responses: rec.jsonl");
        CliRun r = CliRun.of("run", cfg.toString(), "-q");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(cfg + ":10"), "file and line of y's responses: " + r.err());
        assertTrue(r.err().contains("responses"), r.err());
        assertTrue(r.err().contains("run each candidate against the control as a two-variant config"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "no run folder");
    }
}
