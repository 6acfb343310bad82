package dev.promptarena.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void removesEscapeSequencesAndControlCharacters() {
        assertEquals("redtext", TerminalText.plain("\u001B[31mred\u001B[0mtext"));
        assertEquals("title", TerminalText.plain("\u001B]0;pwned\u0007title"));
        assertEquals("ab c", TerminalText.plain("a\rb\u0008 c\u009B"));
        assertEquals("café\tok", TerminalText.plain("café\tok"));
        assertEquals("", TerminalText.plain(null));
    }
}
