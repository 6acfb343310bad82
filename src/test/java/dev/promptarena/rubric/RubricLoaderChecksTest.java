package dev.promptarena.rubric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.checks.ContainsCheck;
import dev.promptarena.checks.JsonSchemaCheck;
import dev.promptarena.checks.LengthCheck;
import dev.promptarena.checks.LengthUnit;
import dev.promptarena.checks.RefusalCheck;
import dev.promptarena.checks.RegexCheck;
import dev.promptarena.checks.SimilarityCheck;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricLoaderChecksTest {
    @TempDir Path dir;

    private static final String AXIS = """
            axes:
              - name: Helpfulness
                anchors: {1: bad, 3: ok, 5: great}
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Rubric load(String yaml) throws IOException { return new RubricLoader(false).load(write("rubric.yaml", yaml)); }

    private InputException error(String yaml) throws IOException {
        Path p = write("rubric.yaml", yaml);
        return assertThrows(InputException.class, () -> new RubricLoader(false).load(p));
    }

    @Test
    void parsesEveryTypeInOrder() throws IOException {
        write("answer.json", "{\"type\": \"object\", \"required\": [\"answer\"]}");
        Rubric r = load(AXIS + """
                checks:
                  - {name: cites_policy, type: regex, pattern: "(?i)policy"}
                  - {name: no_promise, type: not_regex, pattern: "guarantee"}
                  - {name: mentions, type: contains_all, values: [refund, "30 days"], case_insensitive: true}
                  - {name: any, type: contains_any, values: [a]}
                  - {name: is_json, type: json, allow_fence: true}
                  - {name: answer_schema, type: json_schema, schema_file: answer.json}
                  - name: inline_schema
                    type: json_schema
                    schema:
                      type: object
                      properties: {confidence: {type: number, maximum: 1}}
                  - {name: short, type: length, unit: tokens, max: 200, encoding: o200k_base}
                  - {name: words, type: length, min: 3}
                  - {name: answers, type: refusal}
                  - {name: declines, type: refusal, expect: refusal, phrases: ["no can do"]}
                """);
        assertEquals(11, r.checks().size());
        assertEquals("cites_policy", r.checkNames().get(0));
        assertTrue(((RegexCheck) r.checks().get(0)).mustMatch());
        assertFalse(((RegexCheck) r.checks().get(1)).mustMatch());
        assertTrue(((ContainsCheck) r.checks().get(2)).caseInsensitive());
        assertEquals("answer.json", ((JsonSchemaCheck) r.checks().get(5)).source());
        JsonSchemaCheck inline = (JsonSchemaCheck) r.checks().get(6);
        assertFalse(inline.evaluate("{\"confidence\": 2}").passed(), "YAML numbers stay numbers in the inline schema");
        assertTrue(inline.evaluate("{\"confidence\": 0.5}").passed());
        assertEquals(LengthUnit.TOKENS, ((LengthCheck) r.checks().get(7)).unit());
        assertEquals("o200k_base", ((LengthCheck) r.checks().get(7)).encoding());
        assertEquals(LengthUnit.WORDS, ((LengthCheck) r.checks().get(8)).unit());
        assertTrue(((RefusalCheck) r.checks().get(10)).expectRefusal());
        assertTrue(r.checks().get(10) instanceof RefusalCheck c && c.phrases().contains("no can do"));
        assertFalse(r.needsEmbedder());
    }

    @Test
    void withoutChecksTheListIsEmpty() throws IOException {
        assertTrue(load(AXIS).checks().isEmpty());
    }

    @Test
    void checksWithoutAxesAreAValidRubric() throws IOException {
        Rubric r = load("checks:\n  - {name: j, type: json}\n");
        assertTrue(r.axes().isEmpty());
        assertFalse(r.hasAxes());
        assertEquals(1, r.checks().size());
    }

    @Test
    void neitherAxesNorChecksIsAnError() throws IOException {
        InputException e = error("name: empty\naxes: []\n");
        assertTrue(e.getMessage().contains("at least one axis or check"), e.describe());
        assertThrows(InputException.class, () -> load("name: empty\n"));
    }

    @Test
    void invalidRegexNamesFileLineAndKey() throws IOException {
        InputException e = error(AXIS + """
                checks:
                  - name: broken
                    type: regex
                    pattern: "([a-z]+"
                """);
        assertEquals(7, e.line());
        assertEquals("checks[0].pattern", e.field());
        assertTrue(e.describe().startsWith(dir.resolve("rubric.yaml") + ":7: checks[0].pattern: invalid regex"), e.describe());
    }

    @Test
    void missingPatternIsAnError() throws IOException {
        InputException e = error(AXIS + "checks:\n  - {name: broken, type: regex}\n");
        assertEquals("checks[0].pattern", e.field());
        assertEquals(5, e.line());
    }

    @Test
    void unknownTypeSuggestsTheNearest() throws IOException {
        InputException e = error(AXIS + "checks:\n  - {name: x, type: contains_al, values: [a]}\n");
        assertEquals("checks[0].type", e.field());
        assertTrue(e.getMessage().contains("did you mean 'contains_all'"), e.getMessage());
    }

    @Test
    void keyOfAnotherTypeIsRejected() throws IOException {
        InputException e = error(AXIS + "checks:\n  - {name: x, type: json, pattern: a}\n");
        assertEquals("checks[0].pattern", e.field());
        assertTrue(e.getMessage().startsWith("unknown key"), e.getMessage());
    }

    @Test
    void badSchemasAreErrorsAtTheirLine() throws IOException {
        write("bad.json", "{\"type\": \"strnig\"}");
        write("notjson.json", "{type: object}");
        InputException e1 = error(AXIS + "checks:\n  - name: s\n    type: json_schema\n    schema_file: bad.json\n");
        assertEquals("checks[0].schema_file", e1.field());
        assertEquals(7, e1.line());
        assertTrue(e1.getMessage().contains("not a valid JSON Schema"), e1.getMessage());
        InputException e2 = error(AXIS + "checks:\n  - {name: s, type: json_schema, schema_file: notjson.json}\n");
        assertTrue(e2.getMessage().contains("is not valid JSON"), e2.getMessage());
        InputException e3 = error(AXIS + "checks:\n  - {name: s, type: json_schema, schema_file: missing.json}\n");
        assertTrue(e3.getMessage().startsWith("file not found"), e3.getMessage());
        InputException e4 = error(AXIS + "checks:\n  - {name: s, type: json_schema, schema: {type: 5}}\n");
        assertEquals("checks[0].schema", e4.field());
        InputException e5 = error(AXIS + "checks:\n  - {name: s, type: json_schema}\n");
        assertTrue(e5.getMessage().contains("exactly one of schema_file or schema"), e5.getMessage());
    }

    @Test
    void lengthAndNameValidation() throws IOException {
        assertEquals("checks[0]", error(AXIS + "checks:\n  - {name: l, type: length}\n").field());
        assertEquals("checks[0].min", error(AXIS + "checks:\n  - {name: l, type: length, min: -1}\n").field());
        assertTrue(error(AXIS + "checks:\n  - {name: l, type: length, min: 5, max: 2}\n").getMessage().contains("must not exceed"));
        assertEquals("checks[0].encoding", error(AXIS + "checks:\n  - {name: l, type: length, max: 2, encoding: o200k_base}\n").field());
        assertEquals("checks[0].name", error(AXIS + "checks:\n  - {name: 'has space', type: json}\n").field());
        assertEquals("checks[1].name", error(AXIS + "checks:\n  - {name: j, type: json}\n  - {name: J, type: json}\n").field());
        assertEquals("checks[0].name", error(AXIS + "checks:\n  - {name: Helpfulness, type: json}\n").field());
    }

    @Test
    void similarityWithoutTheModuleSaysHowToEnableIt() throws IOException {
        InputException e = error("checks:\n  - {name: close, type: similarity, min: 0.8}\n");
        assertEquals("checks[0]", e.field());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("mvn -Pembeddings package"), e.getMessage());
    }

    @Test
    void similarityParsesWhenAnEmbedderIsAvailable() throws IOException {
        Path p = write("rubric.yaml", "checks:\n  - {name: close, type: similarity, min: 0.8}\n");
        Rubric r = new RubricLoader(true).load(p);
        assertInstanceOf(SimilarityCheck.class, r.checks().get(0));
        assertEquals(0.8, ((SimilarityCheck) r.checks().get(0)).min());
        assertTrue(r.needsEmbedder());
        Path bad = write("bad.yaml", "checks:\n  - {name: close, type: similarity, min: 1.5}\n");
        assertEquals("checks[0].min", assertThrows(InputException.class, () -> new RubricLoader(true).load(bad)).field());
    }
}
