package dev.promptarena.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonCheckTest {
    private final JsonCheck strict = new JsonCheck("j", false);
    private final JsonCheck fenced = new JsonCheck("j", true);

    @Test
    void acceptsOneValue() {
        assertTrue(strict.evaluate("{\"a\": [1, 2]}").passed());
        assertEquals("valid JSON array", strict.evaluate(" [1] \n").detail());
    }

    @Test
    void rejectsTrailingTextAndProse() {
        assertFalse(strict.evaluate("{\"a\":1} and more").passed());
        assertFalse(strict.evaluate("Sure! Here is the JSON: {}").passed());
        assertFalse(strict.evaluate("{'a': 1}").passed());
    }

    @Test
    void fenceOnlyWhenAllowed() {
        String reply = "```json\n{\"a\": 1}\n```\n";
        assertFalse(strict.evaluate(reply).passed());
        assertTrue(fenced.evaluate(reply).passed());
        assertTrue(fenced.evaluate("{\"a\": 1}").passed(), "unfenced JSON still passes");
    }

    @Test
    void emptyOutputFailsWithReason() {
        CheckResult r = strict.evaluate("");
        assertFalse(r.passed());
        assertEquals("output is empty", r.detail());
        assertFalse(fenced.evaluate("```json\n\n```").passed());
    }

    @Test
    void replacementCharactersInsideStringsAreValid() {
        assertTrue(strict.evaluate("{\"t\": \"" + Texts.NON_UTF8 + "\"}").passed());
        assertFalse(strict.evaluate(Texts.NON_UTF8).passed());
    }

    @Test
    void hugeAndDeeplyNestedOutputs() {
        String bigArray = "[" + "1,".repeat(1_500_000) + "1]";
        assertTrue(strict.evaluate(bigArray).passed());
        assertFalse(strict.evaluate(Texts.HUGE).passed());
        // Nesting beyond Jackson's depth limit (1000) is a failed check, not a StackOverflowError.
        CheckResult deep = strict.evaluate("[".repeat(100_000) + "]".repeat(100_000));
        assertFalse(deep.passed());
        assertTrue(deep.detail().startsWith("not valid JSON"), deep.detail());
    }
}
