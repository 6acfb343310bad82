package dev.promptarena.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

class JsonSchemaCheckTest {
    private static final URI BASE = URI.create("file:///tmp/rubric.yaml");
    private static final String ANSWER = """
            {"type": "object", "required": ["answer", "confidence"], "additionalProperties": false,
             "properties": {"answer": {"type": "string", "minLength": 1},
                            "confidence": {"type": "number", "minimum": 0, "maximum": 1}}}""";

    private static JsonNode json(String s) throws Exception { return new ObjectMapper().readTree(s); }

    private static JsonSchemaCheck check(String schema) throws Exception {
        return new JsonSchemaCheck("s", JsonSchemas.compile(json(schema), BASE), "inline schema", false);
    }

    @Test
    void conformingOutputPasses() throws Exception {
        assertTrue(check(ANSWER).evaluate("{\"answer\": \"yes\", \"confidence\": 0.9}").passed());
    }

    @Test
    void violationsAreListed() throws Exception {
        CheckResult r = check(ANSWER).evaluate("{\"answer\": \"\", \"confidence\": 3, \"extra\": 1}");
        assertFalse(r.passed());
        assertTrue(r.detail().startsWith("3 schema violation(s)"), r.detail());
        assertTrue(r.detail().contains("confidence"), r.detail());
    }

    @Test
    void invalidJsonEmptyAndReplacementCharacters() throws Exception {
        JsonSchemaCheck c = check(ANSWER);
        assertFalse(c.evaluate("").passed());
        assertFalse(c.evaluate("answer: yes").passed());
        assertFalse(c.evaluate(Texts.NON_UTF8).passed());
        assertTrue(c.evaluate("{\"answer\": \"" + Texts.NON_UTF8 + "\", \"confidence\": 0}").passed());
    }

    @Test
    void hugeStringValue() throws Exception {
        assertTrue(check(ANSWER).evaluate("{\"answer\": \"" + Texts.HUGE + "\", \"confidence\": 1}").passed());
    }

    @Test
    void olderDraftsAreHonoured() throws Exception {
        JsonSchemaCheck c = check("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"array\", \"items\": {\"type\": \"integer\"}}");
        assertTrue(c.evaluate("[1, 2]").passed());
        assertFalse(c.evaluate("[1, \"2\"]").passed());
    }

    @Test
    void formatAssertsInDraft7ButOnlyAnnotatesIn2020() throws Exception {
        // JSON Schema 2019-09 and later make "format" an annotation unless a vocabulary asserts it.
        assertTrue(check("{\"type\": \"string\", \"format\": \"email\"}").evaluate("\"not-an-email\"").passed());
        assertFalse(check("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"string\", \"format\": \"email\"}")
                .evaluate("\"not-an-email\"").passed());
    }

    @Test
    void badSchemasAreRejectedAtCompileTime() {
        assertThrows(IllegalArgumentException.class, () -> check("{\"type\": \"strnig\"}"));
        assertThrows(IllegalArgumentException.class, () -> check("{\"minimum\": \"zero\"}"));
        assertThrows(IllegalArgumentException.class, () -> check("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> check("{\"$ref\": \"#/$defs/missing\"}"));
    }

    @Test
    void remoteReferencesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> check("{\"$ref\": \"https://example.invalid/schema.json\"}"));
        assertTrue(e.getMessage().contains("remote $ref not allowed"), e.getMessage());
    }
}
