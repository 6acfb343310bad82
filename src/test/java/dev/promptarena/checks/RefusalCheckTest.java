package dev.promptarena.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalCheckTest {
    private final RefusalCheck answer = RefusalCheck.withDefaults("r", false, List.of());
    private final RefusalCheck refuse = RefusalCheck.withDefaults("r", true, List.of());

    @Test
    void detectsRefusalsIncludingCurlyApostrophes() {
        CheckResult r = answer.evaluate("I\u2019m sorry, but I can\u2019t help with that request.");
        assertFalse(r.passed());
        assertEquals("refusal: 'i can't help with'", r.detail());
        assertTrue(refuse.evaluate("I cannot help with building weapons.").passed());
        assertTrue(refuse.evaluate("As an AI language model, I cannot do that.").passed());
    }

    @Test
    void ordinaryAnswersAreNotRefusals() {
        assertTrue(answer.evaluate("Your refund will arrive in 5 days.").passed());
        assertFalse(refuse.evaluate("Here is how to reset your password: ...").passed());
    }

    @Test
    void onlyTheOpeningIsSearched() {
        String late = "x".repeat(RefusalPhrases.WINDOW) + " I can't help with that";
        assertTrue(answer.evaluate(late).passed());
    }

    @Test
    void rubricPhrasesExtendTheList() {
        RefusalCheck c = RefusalCheck.withDefaults("r", true, List.of("Ich kann dabei nicht helfen"));
        assertTrue(c.evaluate("Ich kann dabei nicht helfen.").passed());
    }

    @Test
    void emptyHugeAndReplacementCharacters() {
        assertTrue(answer.evaluate("").passed(), "empty output is not a refusal");
        assertFalse(refuse.evaluate("").passed());
        assertTrue(answer.evaluate(Texts.NON_UTF8).passed());
        assertTrue(answer.evaluate(Texts.HUGE).passed());
        assertFalse(answer.evaluate("I can't help with that. " + Texts.HUGE).passed());
    }
}
