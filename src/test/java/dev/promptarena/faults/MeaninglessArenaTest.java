package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arenas that load but cannot mean anything are refused by every command that reads them — validate, run, run --dry-run
 * — with exit 2 at file:line:key, before a run folder exists.
 */
class MeaninglessArenaTest {
    @TempDir Path dir;

    private static final List<List<String>> COMMANDS = List.of(List.of("validate"), List.of("run", "-q"), List.of("run", "--dry-run"));

    private Path arena(String extra) throws Exception {
        ArenaFixture.goldenSet(dir, 3);
        return ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random", extra);
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    private void assertRefusedEverywhere(Path file, String marker, String expected) throws Exception {
        int line = lineOf(file, marker);
        for (List<String> cmd : COMMANDS) {
            List<String> args = new java.util.ArrayList<>(cmd);
            args.add(1, dir.resolve("arena.yaml").toString());
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), cmd + ": " + r.err());
            assertTrue(r.err().contains(file + ":" + line + ": " + expected), cmd + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(dir.resolve("reports")), cmd + ": no run folder");
        }
    }

    @Test
    void aNegativeGuardrailLimit() throws Exception {
        Path cfg = arena("decision:\n  guardrails:\n    latency_p95_increase_ms: -250");
        assertRefusedEverywhere(cfg, "-250", "decision.guardrails.latency_p95_increase_ms: latency_p95_increase_ms limits an increase");
    }

    @Test
    void anEmptyModelAndTwoVariantsWithOneName() throws Exception {
        Path cfg = arena("");
        Files.writeString(cfg, Files.readString(cfg).replace("model: model-b", "model: \"\""));
        assertRefusedEverywhere(cfg, "name: cand", "variants.B.model: must not be empty");
        Files.writeString(cfg, Files.readString(cfg).replace("model: \"\"", "model: model-b").replace("name: cand", "name: base"));
        assertRefusedEverywhere(cfg, "name: base, provider: sim, model: model-b", "variants.B.name: A and B are both named 'base'");
    }

    @Test
    void anUnclosedPlaceholder() throws Exception {
        Path cfg = arena("");
        Files.writeString(cfg, Files.readString(cfg).replace("Customer message: {{message}}\"}\n  B:", "Customer message: {{message}\"}\n  B:"));
        assertRefusedEverywhere(cfg, "{{message}\"", "variants.A.user: user template: '{{message' is not closed");
    }

    @Test
    void anEmptyAnchor() throws Exception {
        Path cfg = arena("");
        Path rubric = dir.resolve("rubric.yaml");
        Files.writeString(rubric, Files.readString(rubric).replace("3: vague", "3: \"\""));
        assertRefusedEverywhere(rubric, "3: \"\"", "axes[1].anchors.3: the anchor for score 3 is empty");
    }
}
