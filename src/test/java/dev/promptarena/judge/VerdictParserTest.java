package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictParserTest {
    private final VerdictParser parser = new VerdictParser(List.of("Clarity", "Policy citation"));

    @Test
    void parsesTheContractObject() {
        var r = parser.parse("{\"winner\": \"B\", \"scores\": {\"A\": {\"Clarity\": 3, \"Policy citation\": 1}, \"B\": {\"Clarity\": 5, \"Policy citation\": 5}}, \"reason\": \"B cites.\"}");
        assertTrue(r.ok());
        assertEquals("B", r.verdict().winner());
        assertEquals(Map.of("Clarity", 3, "Policy citation", 1), r.verdict().scoresFirst());
        assertEquals(5, r.verdict().scoresSecond().get("Policy citation"));
        assertEquals("B cites.", r.verdict().reason());
    }

    @Test
    void toleratesFencesProseCaseAndNumericStrings() {
        var r = parser.parse("Sure! Here is my verdict:\n```json\n{\"winner\": \"Response A\", \"scores\": {\"a\": {\"clarity\": \"4\"}, \"b\": {\"CLARITY\": 2.0}}, \"reason\": \"x\",}\n```\nThanks");
        assertTrue(r.ok(), r.error());
        assertEquals("A", r.verdict().winner());
        assertEquals(4, r.verdict().scoresFirst().get("Clarity"));
        assertEquals(2, r.verdict().scoresSecond().get("Clarity"));
    }

    @Test
    void skipsBracesInProseBeforeTheVerdict() {
        var r = parser.parse("I considered {both} options. {\"winner\": \"tie\", \"reason\": \"same\"}");
        assertTrue(r.ok(), r.error());
        assertEquals("tie", r.verdict().winner());
        assertTrue(r.verdict().scoresFirst().isEmpty());
    }

    @Test
    void acceptsMtBenchLabels() {
        assertEquals("B", parser.parse("Explanation... Final verdict: [[B]]").verdict().winner());
        assertEquals("tie", parser.parse("Final verdict: [[C]]").verdict().winner());
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertFalse(parser.parse("").ok());
        assertFalse(parser.parse("I prefer the first one.").ok());
        var badWinner = parser.parse("{\"winner\": \"C+\", \"reason\": \"\"}");
        assertFalse(badWinner.ok());
        assertTrue(badWinner.error().contains("winner"), badWinner.error());
        var badScore = parser.parse("{\"winner\": \"A\", \"scores\": {\"A\": {\"Clarity\": 7}, \"B\": {}}}");
        assertFalse(badScore.ok());
        assertTrue(badScore.error().contains("1 to 5"), badScore.error());
    }
}
