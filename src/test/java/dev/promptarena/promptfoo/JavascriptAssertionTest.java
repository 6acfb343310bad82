package dev.promptarena.promptfoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The javascript shapes that translate to checks, and that anything else does not. */
class JavascriptAssertionTest {
    private static String check(String js) { return JavascriptAssertion.check(js).map(Object::toString).orElse("none"); }

    @Test
    void recognisedShapes() {
        assertEquals("{\"type\":\"contains_all\",\"values\":[\"refund\"]}", check("output.includes('refund')"));
        assertEquals("{\"type\":\"contains_all\",\"values\":[\"x\"],\"case_insensitive\":true}", check("return output.toLowerCase().includes(\"x\");"));
        assertEquals("{\"type\":\"not_regex\",\"pattern\":\"\\\\Qsorry\\\\E\"}", check("!output.includes('sorry')"));
        assertEquals("{\"type\":\"regex\",\"pattern\":\"(?i)^hi\"}", check("/^hi/i.test(output)"));
        assertEquals("{\"type\":\"json\"}", check("JSON.parse(output)"));
        assertEquals("{\"type\":\"length\",\"unit\":\"words\",\"max\":49}", check("output.split(' ').length < 50"));
        assertEquals("{\"type\":\"length\",\"unit\":\"words\",\"min\":5}", check("output.trim().split(/\\s+/).length >= 5"));
    }

    @Test
    void anythingElseIsNotTranslated() {
        assertTrue(check("output.length < 500").equals("none"));
        assertTrue(check("output.includes('a') && output.includes('b')").equals("none"));
        assertTrue(check("JSON.parse(output).answer === 'yes'").equals("none"));
    }
}
