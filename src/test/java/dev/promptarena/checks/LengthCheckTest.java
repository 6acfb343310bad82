package dev.promptarena.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.llm.TokenCounter;
import org.junit.jupiter.api.Test;

class LengthCheckTest {
    @Test
    void wordBoundsAreInclusive() {
        LengthCheck c = new LengthCheck("len", LengthUnit.WORDS, 2, 3, null);
        assertTrue(c.evaluate("two words").passed());
        assertTrue(c.evaluate(" three\twords\nhere ").passed());
        CheckResult r = c.evaluate("one");
        assertFalse(r.passed());
        assertEquals("1 words < min 2", r.detail());
        assertEquals("4 words > max 3", c.evaluate("a b c d").detail());
    }

    @Test
    void wordsCountUnicodeWhitespace() {
        assertEquals(3, TokenCounter.words("a\u2003b\u3000c"));
        assertEquals(0, TokenCounter.words(""));
        assertEquals(0, TokenCounter.words(" \n\t "));
    }

    @Test
    void tokensUseTiktokenEncodings() {
        // tiktoken: len(tiktoken.get_encoding("cl100k_base").encode("hello world")) == 2
        assertEquals(2, TokenCounter.count("hello world", "cl100k_base"));
        assertEquals(2, TokenCounter.count("hello world", "o200k_base"));
        // A special-token string in model output is text, not a control token, and does not throw.
        assertTrue(TokenCounter.count("<|endoftext|>", "cl100k_base") > 1);
        LengthCheck c = new LengthCheck("len", LengthUnit.TOKENS, null, 5, "cl100k_base");
        assertTrue(c.evaluate("hello world").passed());
        assertFalse(c.evaluate("one two three four five six seven").passed());
    }

    @Test
    void emptyHugeAndReplacementCharacters() {
        assertFalse(new LengthCheck("len", LengthUnit.WORDS, 1, null, null).evaluate("").passed());
        assertTrue(new LengthCheck("len", LengthUnit.TOKENS, null, 0, null).evaluate("").passed());
        assertEquals(4, TokenCounter.words(Texts.NON_UTF8) - 1, "ok, \uFFFD\uFFFD?, \u00e9t\u00e9 bits and policy");
        assertTrue(new LengthCheck("len", LengthUnit.TOKENS, 1, 100, null).evaluate(Texts.NON_UTF8).passed());
        CheckResult words = new LengthCheck("len", LengthUnit.WORDS, null, 1000, null).evaluate(Texts.HUGE);
        assertFalse(words.passed());
        assertTrue(words.detail().startsWith("925930 words"), words.detail());
        assertFalse(new LengthCheck("len", LengthUnit.TOKENS, null, 1000, null).evaluate(Texts.HUGE).passed());
    }

    @Test
    void rejectsBadBounds() {
        assertThrows(IllegalArgumentException.class, () -> new LengthCheck("len", LengthUnit.WORDS, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new LengthCheck("len", LengthUnit.WORDS, 5, 4, null));
        assertThrows(IllegalArgumentException.class, () -> new LengthCheck("len", LengthUnit.TOKENS, 1, null, "gpt2"));
    }
}
