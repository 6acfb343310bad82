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

    /** "Trojan Source": an override (RLO) displays what follows it reversed; every embedding, override and isolate goes. */
    @Test
    void removesBidirectionalControls() {
        assertEquals("access = admin; grant", TerminalText.plain("access = \u202Eadmin\u202C; \u2066grant\u2069"));
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'}) {
            assertEquals("ab", TerminalText.plain("a" + c + "b"), Integer.toHexString(c));
            assertEquals("a\nb", TerminalText.lines("a\n" + c + "b"), Integer.toHexString(c));
        }
        assertEquals("a\u200Eb\u061Cc", TerminalText.plain("a\u200Eb\u061Cc"), "marks that only set a direction stay (no reordering of what follows)");
    }

    /** The multi-line form keeps line feeds and tabs; a carriage return (which sends the cursor back over the line) is a line feed. */
    @Test
    void linesKeepsLineBreaksAndRemovesTheRest() {
        assertEquals("red\nline\ttwo\nthree\nfour", TerminalText.lines("\u001B[31mred\u001B[0m\nline\ttwo\r\nthree\rfour\u0007\u009B"));
        assertEquals("", TerminalText.lines(null));
    }
}
