package dev.promptarena.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes: []\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    static final String VALID = """
            name: t
            dataset: cases.jsonl
            rubric: rubric.yaml
            providers:
              sim: {type: sim}
              oa: {type: openai, base_url: "${BASE:-http://localhost:1/v1}", api_key_env: KEY}
            decoding: {temperature: 0.2, top_p: 0.9, max_tokens: 100, seed: 3}
            variants:
              A: {provider: sim, model: m, system: "Be helpful.", user: "{{q}}"}
              B: {provider: oa, model: m2, user: "{{q}}", decoding: {temperature: 0.7}}
            judge: {provider: sim, model: j, order: both, seed: 9}
            """;

    @Test
    void loadsAValidConfigAndAppliesVariantOverrides() throws IOException {
        ArenaConfig c = new ConfigLoader(Map.of()).load(write(VALID));
        assertEquals(0.2, c.a().decoding().temperature());
        assertEquals(0.7, c.b().decoding().temperature());
        assertEquals(0.9, c.b().decoding().topP(), "shared settings apply unless overridden");
        assertEquals(java.util.List.of("temperature"), c.b().overridden());
        assertEquals(JudgeConfig.Order.BOTH, c.judge().order());
        assertEquals(9, c.judge().seed());
        assertEquals("http://localhost:1/v1", c.provider("oa").baseUrl(), "${VAR:-default} falls back to the default");
        assertEquals("KEY", c.provider("oa").apiKeyEnv());
        assertNull(c.a().responses());
    }

    @Test
    void interpolatesEnvironmentVariables() throws IOException {
        ArenaConfig c = new ConfigLoader(Map.of("BASE", "http://x:2/v1")).load(write(VALID));
        assertEquals("http://x:2/v1", c.provider("oa").baseUrl());
    }

    @Test
    void unknownKeyNamesFileLineAndSuggestsTheNearestKey() throws IOException {
        Path p = write(VALID.replace("judge: {provider: sim, model: j, order: both, seed: 9}", "judge: {provider: sim, model: j}\njudgee: 1"));
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(p, e.file());
        assertEquals(12, e.line());
        assertEquals("judgee", e.field());
        assertTrue(e.getMessage().contains("did you mean 'judge'"), e.getMessage());
    }

    @Test
    void wrongTypeIsAnErrorOnItsLine() throws IOException {
        Path p = write(VALID.replace("max_tokens: 100", "max_tokens: lots"));
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(7, e.line());
        assertEquals("decoding.max_tokens", e.field());
        assertTrue(e.describe().startsWith(p + ":7: decoding.max_tokens: expected a number"), e.describe());
    }

    @Test
    void badEnumSuggestsAValue() throws IOException {
        Path p = write(VALID.replace("order: both", "order: bot"));
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals("judge.order", e.field());
        assertTrue(e.getMessage().contains("did you mean 'both'"), e.getMessage());
    }

    @Test
    void aTimeoutMustBeAPositiveNumberOfSeconds() throws IOException {
        // 0 or a negative value failed every call with "java.lang.IllegalArgumentException: Invalid duration: PT0S"
        // (exit 4), and a word failed the run with exit 4 and no line: both are config errors.
        String timed = VALID.replace("api_key_env: KEY}", "api_key_env: KEY, options: {timeout_seconds: 2.5}}");
        assertEquals("2.5", new ConfigLoader(Map.of()).load(write(timed)).provider("oa").options().get("timeout_seconds"));
        for (String bad : new String[] {"0", "-1", "abc"}) {
            Path p = write(timed.replace("timeout_seconds: 2.5", "timeout_seconds: " + bad));
            InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p), bad);
            assertEquals(6, e.line(), bad);
            assertEquals("providers.oa.options.timeout_seconds", e.field(), bad);
        }
    }

    @Test
    void aHeaderTheHttpClientCannotSendIsAConfigError() throws IOException {
        // Such a header failed every call with "client error: java.lang.IllegalArgumentException: ..." (exit 4).
        for (String bad : new String[] {"\"Bad Header\": x", "Host: api.example.com"}) {
            Path p = write(VALID.replace("api_key_env: KEY}", "api_key_env: KEY, headers: {" + bad + "}}"));
            InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p), bad);
            assertEquals(6, e.line(), bad);
            assertTrue(e.field().startsWith("providers.oa.headers."), e.field());
            assertTrue(!e.getMessage().contains("java."), e.getMessage());
        }
        Path ok = write(VALID.replace("api_key_env: KEY}", "api_key_env: KEY, headers: {X-Trace: t, OpenAI-Organization: org-1}}"));
        assertEquals("t", new ConfigLoader(Map.of()).load(ok).provider("oa").headers().get("X-Trace"));
    }

    @Test
    void rateLimitsAreReadPerProviderAndMustBePositive() throws IOException {
        String limited = VALID.replace("api_key_env: KEY}", "api_key_env: KEY, requests_per_minute: 500, tokens_per_minute: 90000}");
        ArenaConfig c = new ConfigLoader(Map.of()).load(write(limited));
        assertEquals(500.0, c.provider("oa").requestsPerMinute());
        assertEquals(90000.0, c.provider("oa").tokensPerMinute());
        assertNull(c.provider("sim").requestsPerMinute(), "no limit unless configured");

        Path p = write(limited.replace("requests_per_minute: 500", "requests_per_minute: 0"));
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(6, e.line());
        assertEquals("providers.oa.requests_per_minute", e.field());
    }

    @Test
    void missingFileAndUnknownProviderAreErrors() throws IOException {
        Path p = write(VALID.replace("dataset: cases.jsonl", "dataset: nope.jsonl"));
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("file not found"), e.getMessage());

        Path q = write(VALID.replace("A: {provider: sim", "A: {provider: sm"));
        InputException e2 = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(q));
        assertEquals("variants.A.provider", e2.field());
        assertTrue(e2.getMessage().contains("did you mean 'sim'"), e2.getMessage());
    }

    @Test
    void unsetEnvironmentVariableIsAnError() throws IOException {
        Path p = write(VALID.replace("${BASE:-http://localhost:1/v1}", "${NOT_SET_ANYWHERE}"));
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertTrue(e.getMessage().contains("NOT_SET_ANYWHERE is not set"), e.getMessage());
    }

    @Test
    void malformedYamlReportsTheLine() throws IOException {
        Path p = write("name: t\nproviders: [unclosed\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertTrue(e.line() >= 2, "line " + e.line());
        assertTrue(e.getMessage().startsWith("invalid YAML"), e.getMessage());
    }

    @Test
    void aDirectoryOrBytesThatAreNotUtf8AreNamedInWordsWithoutJavaClassNames() throws IOException {
        // SnakeYAML wrapped these read errors as "invalid YAML: java.io.IOException: Is a directory" and
        // "invalid YAML: java.nio.charset.MalformedInputException: Input length = 1".
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        InputException d = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(folder));
        assertEquals(folder + ": cannot read: is a directory", d.describe());

        Path latin1 = write(VALID);
        Files.write(latin1, VALID.replace("Be helpful.", "Be helpful \u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        InputException u = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(latin1));
        assertEquals(latin1 + ":9: not valid UTF-8 text (save the file as UTF-8)", u.describe());
    }

    @Test
    void notANumberIsNotANumber() throws IOException {
        // "NaN" parsed as a double passed every range check: temperature NaN was accepted, a guardrail limit NaN
        // failed later with "limit must be a number" and exit 4.
        Path p = write(VALID.replace("temperature: 0.2", "temperature: NaN"));
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(p + ":7: decoding.temperature: expected a number, got 'NaN'", e.describe());
    }

    @Test
    void providerOptionsTheClientsReadAreCheckedWhenTheConfigIsRead() throws IOException {
        // They were read only when the run created its clients: validate said ok, run made a run folder and exited 4.
        Path sim = write(VALID.replace("sim: {type: sim}", "sim: {type: sim, options: {noise: loud}}"));
        InputException s = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(sim));
        assertEquals(sim + ":5: providers.sim.options: noise must be a number, got 'loud'", s.describe());

        Path timeout = write(VALID.replace("api_key_env: KEY}", "api_key_env: KEY, options: {timeout_seconds: abc}}"));
        InputException t = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(timeout));
        assertEquals(timeout + ":6: providers.oa.options.timeout_seconds: expected a number, got 'abc'", t.describe());
    }

    @Test
    void aWholeNumberTooLargeForItsSettingIsAnErrorAtItsLine() throws IOException {
        // concurrency 4294967296 was cast to the int 0 ("concurrency must be >= 1, got: 0", exit 4, no line);
        // max_tokens 4294967297 failed Math.toIntExact ("integer overflow", exit 4, no line).
        Path c = write(VALID.replace("sim: {type: sim}", "sim: {type: sim, concurrency: 4294967296}"));
        InputException ce = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(c));
        assertEquals(c + ":5: providers.sim.concurrency: must be at most 2147483647, got 4294967296", ce.describe());
        Path t = write(VALID.replace("max_tokens: 100", "max_tokens: 4294967297"));
        InputException te = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(t));
        assertEquals(t + ":7: decoding.max_tokens: must be at most 2147483647, got 4294967297", te.describe());
    }
}
