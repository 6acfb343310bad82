package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word count without a regex equals the one the verbosity analysis was defined with: strip, then split on \s+. */
class SideWordsTest {
    private static final String ALPHABET = "ab \t\n\u000B\f\r\u00A0\u2003\u3000\u001Cé";

    @Test
    void countsAsStripAndSplit() {
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            String t = s.toString();
            int expected = t.strip().isEmpty() ? 0 : t.strip().split("\\s+").length;
            assertEquals(expected, Side.countWords(t), () -> "text " + t.chars().mapToObj(Integer::toHexString).toList());
            assertEquals(expected, new Side(t, 0, 0, 0, false, null, false).words());
        }
        assertEquals(3, Side.countWords("  one\ttwo \n three  "));
        assertEquals(0, Side.countWords(" \u2003 "));
    }

    @Test
    void aGivenCountIsKeptWithoutText() {
        assertEquals(7, new Side("", 0, 0, 0, false, null, false, java.util.Map.of(), null, 7).words());
        assertEquals(2, new Side("two words", 0, 0, 0, false, null, false, java.util.Map.of(), null, 0).words());
    }
}
