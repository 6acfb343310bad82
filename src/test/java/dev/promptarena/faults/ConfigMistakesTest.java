package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 5 and 6: config mistakes found before anything is created — exit 2 with file:line:key,
 * no run folder, no request — and reported by {@code validate}.
 */
class ConfigMistakesTest {
    @TempDir Path dir;

    private Path arena(FakeOpenAiServer server, String providerExtra, String extra) throws Exception {
        ArenaFixture.goldenSet(dir, 3);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\"" + providerExtra + "}", "oa", "oa", "random", extra);
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    private void assertNothingCreatedOrSent(FakeOpenAiServer server) {
        assertFalse(Files.exists(dir.resolve("reports")), "no run folder");
        assertEquals(0, server.requests().size());
    }

    @Test
    void aDuplicateKeyIsRejectedWithBothLines() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, "", "judge_again: 1");
            // a second judge: mapping would silently replace the first (its seed is pre-registered)
            String yaml = Files.readString(cfg).replace("judge_again: 1", "judge: {provider: oa, model: judge-model, order: random, seed: 6}");
            Files.writeString(cfg, yaml);
            int first = lineOf(cfg, "seed: 5"), second = lineOf(cfg, "seed: 6");
            for (String cmd : List.of("validate", "run")) {
                CliRun r = CliRun.of(cmd, cfg.toString());
                assertEquals(2, r.exitCode(), r.err());
                assertTrue(r.err().contains(cfg + ":" + second + ": judge: duplicate key 'judge': first given on line " + first
                        + ", again on line " + second), r.err());
            }
            assertNothingCreatedOrSent(server);
        }
    }

    @Test
    void anUnsetKeyVariableStopsTheRunBeforeAnythingIsCreatedAndValidateWarns() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, ", api_key_env: NOT_SET_KEY_14", "");
            int line = lineOf(cfg, "NOT_SET_KEY_14");
            String expected = cfg + ":" + line + ": providers.oa.api_key_env: environment variable NOT_SET_KEY_14 is not set";
            CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(expected), run.err());
            assertNothingCreatedOrSent(server);
            CliRun validate = CliRun.of("validate", cfg.toString());
            assertEquals(0, validate.exitCode(), validate.err());
            assertTrue(validate.err().contains("warning: NOT_SET_KEY_14 is not set (provider oa"), validate.err());
            CliRun withKey = CliRun.of(Map.of("NOT_SET_KEY_14", "sk-test-123456789"), "validate", cfg.toString());
            assertEquals(0, withKey.exitCode());
            assertFalse(withKey.err().contains("NOT_SET_KEY_14"), withKey.err());
        }
    }

    @Test
    void aMalformedBaseUrlIsAConfigError() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, "", "");
            Files.writeString(cfg, Files.readString(cfg).replace(server.baseUrl(), "ht tp://127.0.0.1:1/v1"));
            int line = lineOf(cfg, "ht tp://");
            for (String cmd : List.of("validate", "run")) {
                CliRun r = CliRun.of(cmd, cfg.toString());
                assertEquals(2, r.exitCode(), r.err());
                assertTrue(r.err().contains(cfg + ":" + line + ": providers.oa.base_url: 'ht tp://127.0.0.1:1/v1' is not a valid URL"), r.err());
            }
            assertNothingCreatedOrSent(server);
        }
    }
}
