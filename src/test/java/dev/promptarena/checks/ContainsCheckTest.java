package dev.promptarena.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainsCheckTest {
    @Test
    void anyPassesWhenOneIsPresent() {
        ContainsCheck c = new ContainsCheck("c", List.of("refund", "return"), false, false);
        CheckResult r = c.evaluate("You can return it.");
        assertTrue(r.passed());
        assertEquals("found: 'return'", r.detail());
        assertFalse(c.evaluate("You can Return it.").passed(), "case-sensitive by default");
    }

    @Test
    void allListsWhatIsMissing() {
        ContainsCheck c = new ContainsCheck("c", List.of("refund", "30 days"), true, true);
        assertTrue(c.evaluate("REFUND within 30 DAYS").passed());
        CheckResult r = c.evaluate("Refund soon");
        assertFalse(r.passed());
        assertEquals("missing: '30 days'", r.detail());
    }

    @Test
    void caseInsensitiveIgnoresDefaultLocale() {
        ContainsCheck c = new ContainsCheck("c", List.of("TITLE"), false, true);
        assertTrue(c.evaluate("the title").passed());
    }

    @Test
    void emptyHugeAndReplacementCharacters() {
        ContainsCheck c = new ContainsCheck("c", List.of("policy"), true, false);
        assertFalse(c.evaluate("").passed());
        assertTrue(c.evaluate(Texts.NON_UTF8).passed());
        assertFalse(c.evaluate(Texts.HUGE).passed());
        assertTrue(new ContainsCheck("c", List.of("AMET"), false, true).evaluate(Texts.HUGE).passed());
    }

    @Test
    void rejectsEmptyValues() {
        assertThrows(IllegalArgumentException.class, () -> new ContainsCheck("c", List.of(), false, false));
        assertThrows(IllegalArgumentException.class, () -> new ContainsCheck("c", List.of(""), false, false));
    }
}
