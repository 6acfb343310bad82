package dev.promptarena.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configs that load but cannot mean anything (a negative guardrail limit, an empty name or model, two variants with one
 * name, a placeholder left open): each is refused when the config is read, at the file, line and key of the mistake.
 */
class MeaninglessConfigTest {
    @TempDir Path dir;

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes: []\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private InputException refused(String yaml) throws IOException {
        InputException e = refusedIn(yaml);
        assertEquals(dir.resolve("arena.yaml"), e.file());
        return e;
    }

    /** As {@link #refused} for an error reported in another file than arena.yaml. */
    private InputException refusedIn(String yaml) throws IOException {
        Path p = write(yaml);
        return assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
    }

    private static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    private static String withGuardrail(String entry) {
        return ConfigLoaderTest.VALID + "decision:\n  guardrails:\n    " + entry + "\n";
    }

    /** A whole number went through a double: above 2^53 it rounded, above the long range it became Long.MAX_VALUE silently. */
    @Test
    void aWholeNumberIsReadExactlyAndOneOutsideTheLongRangeIsRefusedAtItsLine() throws IOException {
        ArenaConfig exact = new ConfigLoader(Map.of()).load(write(ConfigLoaderTest.VALID.replace("order: both, seed: 9", "order: both, seed: 9007199254740993")));
        assertEquals(9007199254740993L, exact.judge().seed());
        String yaml = ConfigLoaderTest.VALID.replace("order: both, seed: 9", "order: both, seed: 99999999999999999999999");
        InputException e = refused(yaml);
        assertEquals(lineOf(yaml, "99999999999999999999999"), e.line());
        assertEquals("must be between -9223372036854775808 and 9223372036854775807, got 99999999999999999999999", e.getMessage());
        assertEquals(1000, new ConfigLoader(Map.of()).load(write(ConfigLoaderTest.VALID.replace("max_tokens: 100", "max_tokens: 1e3")))
                .a().decoding().maxTokens());
        String fraction = ConfigLoaderTest.VALID.replace("order: both, seed: 9", "order: both, seed: 9007199254740993.5");
        assertEquals("expected a whole number, got '9007199254740993.5'", refused(fraction).getMessage());
    }

    @Test
    void aGuardrailLimitOutsideItsMetricsRangeIsRefusedAtItsLine() throws IOException {
        for (String entry : List.of("latency_p95_increase_ms: -100", "cost_per_case_increase_usd: -0.01", "length_growth_max: -0.2",
                "axis_drop_max: -0.5", "error_rate_max: -0.05", "unparseable_rate_max: 1.5", "truncation_rate_max: 2",
                "latency_p95_increase_ms: Infinity", "length_growth_max: -Infinity")) {
            String yaml = withGuardrail(entry);
            InputException e = refused(yaml);
            String metric = entry.substring(0, entry.indexOf(':'));
            assertEquals(lineOf(yaml, entry), e.line(), entry);
            assertEquals("decision.guardrails." + metric, e.field(), entry);
            assertTrue(e.getMessage().startsWith(metric), e.getMessage());
        }
        // A rate is a share of cases: from 0 to 1, both ends included.
        assertTrue(refused(withGuardrail("error_rate_max: 1.01")).getMessage().contains("give a limit from 0 to 1, got 1.01"));
        assertTrue(refused(withGuardrail("latency_p95_increase_ms: -1")).getMessage().contains("a finite limit of 0 or more, got -1.0"));
        ArenaConfig ok = new ConfigLoader(Map.of()).load(write(withGuardrail("error_rate_max: 1\n    latency_p95_increase_ms: 0")));
        assertTrue(ok.policy().guardrails().contains(new GuardrailSpec("error_rate_max", 1)));
    }

    @Test
    void aLimitGivenWithAModeIsCheckedAtTheLimitsLine() throws IOException {
        String yaml = withGuardrail("axis_drop_max:\n      mode: safety_proven\n      limit: -0.5");
        InputException e = refused(yaml);
        assertEquals(lineOf(yaml, "limit: -0.5"), e.line());
        assertEquals("decision.guardrails.axis_drop_max.limit", e.field());
    }

    @Test
    void aVariantNeedsANonEmptyNameAndModel() throws IOException {
        String blankName = ConfigLoaderTest.VALID.replace("A: {provider: sim,", "A: {name: \" \", provider: sim,");
        InputException e = refused(blankName);
        assertEquals(lineOf(blankName, "A: {name"), e.line());
        assertEquals("variants.A.name", e.field());
        assertEquals("must not be empty", e.getMessage());

        String blankModel = ConfigLoaderTest.VALID.replace("model: m2,", "model: \"\",");
        e = refused(blankModel);
        assertEquals(lineOf(blankModel, "B: {"), e.line());
        assertEquals("variants.B.model", e.field());
        assertEquals("must not be empty", e.getMessage());
    }

    /** A price or family for the model "" applied to nothing, silently: refused at the key's line, like an empty model. */
    @Test
    void anEmptyModelNameUnderPricesOrFamiliesIsRefusedAtItsLine() throws IOException {
        for (String section : List.of("prices:\n  m1: {input: 1, output: 2}\n  \"\":\n    input: 0.5\n    output: 1.5\n",
                "prices:\n  \" \": {input: 0.5, output: 1.5}\n", "families:\n  m1: gpt\n  \"\": llama\n", "families: {\"\": llama}\n")) {
            String yaml = ConfigLoaderTest.VALID + section;
            InputException e = refused(yaml);
            String key = section.contains("\" \"") ? "\" \"" : "\"\"";
            assertEquals(lineOf(yaml, key), e.line(), section);
            assertEquals(section.substring(0, section.indexOf(':')), e.field());
            assertEquals("a model name must not be empty", e.getMessage());
        }
        Path ok = write(ConfigLoaderTest.VALID + "prices:\n  m1: {input: 1, output: 2}\nfamilies:\n  m1: gpt\n");
        ArenaConfig c = new ConfigLoader(Map.of()).load(ok);
        assertEquals("gpt", c.families().get("m1"));
        assertTrue(c.prices().containsKey("m1"));
    }

    @Test
    void twoVariantsWithOneNameAreRefusedAtTheSecond() throws IOException {
        String yaml = ConfigLoaderTest.VALID.replace("A: {provider: sim,", "A: {name: baseline, provider: sim,")
                .replace("B: {provider: oa,", "B: {name: \"baseline \", provider: oa,");
        InputException e = refused(yaml);
        assertEquals(lineOf(yaml, "B: {"), e.line());
        assertEquals("variants.B.name", e.field());
        assertTrue(e.getMessage().contains("A and B are both named 'baseline'"), e.getMessage());
        // B without a name is "B": naming A "B" is the same mistake, reported at B.
        String unnamed = ConfigLoaderTest.VALID.replace("A: {provider: sim,", "A: {name: B, provider: sim,");
        assertEquals("variants.B", refused(unnamed).field());
    }

    @Test
    void aTournamentVariantWithAnEmptyKeyIsRefused() throws IOException {
        String yaml = ConfigLoaderTest.VALID.replace("""
                  A: {provider: sim, model: m, system: "Be helpful.", user: "{{q}}"}
                  B: {provider: oa, model: m2, user: "{{q}}", decoding: {temperature: 0.7}}
                """, """
                  base: {control: true, provider: sim, model: m, user: "{{q}}"}
                  "": {provider: sim, model: m2, user: "{{q}}"}
                """);
        InputException e = refused(yaml);
        assertEquals(lineOf(yaml, "\"\": {"), e.line());
        assertTrue(e.getMessage().contains("this key is empty"), e.getMessage());
    }

    @Test
    void anUnclosedOrEmptyPlaceholderIsRefusedAtTheTemplatesLine() throws IOException {
        for (String template : List.of("Answer: {{q}", "Answer: {{q", "Answer: {{ q more}}", "Answer: {{}}", "Answer: {{ }}")) {
            String yaml = ConfigLoaderTest.VALID.replace("user: \"{{q}}\", decoding", "user: \"" + template + "\", decoding");
            InputException e = refused(yaml);
            assertEquals(lineOf(yaml, template), e.line(), template);
            assertEquals("variants.B.user", e.field(), template);
            assertTrue(e.getMessage().startsWith("user template: '{{"), e.getMessage());
        }
        String unclosed = ConfigLoaderTest.VALID.replace("user: \"{{q}}\", decoding", "user: \"Answer {{q}\", decoding");
        assertEquals("user template: '{{q' is not closed: write {{q}} (a field name of letters, digits, '_', '.' or '-', then '}}')",
                refused(unclosed).getMessage());
        // Braces that do not start like a placeholder stay text, as before: JSON in a prompt is not a mistake.
        String json = ConfigLoaderTest.VALID.replace("user: \"{{q}}\", decoding", "user: '{{q}} reply as {{\"a\": 1}} or {{{q}}}', decoding");
        assertEquals("{{q}} reply as {{\"a\": 1}} or {{{q}}}", new ConfigLoader(Map.of()).load(write(json)).b().userTemplate());
    }

    @Test
    void anUnclosedPlaceholderInAUserFileIsReportedAtItsLineInThatFile() throws IOException {
        Path template = dir.resolve("user.txt");
        Files.writeString(template, "Question:\n{{q}}\nContext: {{context\n");
        String yaml = ConfigLoaderTest.VALID.replace("user: \"{{q}}\", decoding", "user_file: user.txt, decoding");
        InputException e = refusedIn(yaml);
        assertEquals(template.toAbsolutePath().normalize(), e.file().toAbsolutePath().normalize());
        assertEquals(3, e.line());
        assertEquals("variants.B.user_file", e.field());
        assertTrue(e.getMessage().startsWith("'{{context' is not closed"), e.getMessage());
    }
}
