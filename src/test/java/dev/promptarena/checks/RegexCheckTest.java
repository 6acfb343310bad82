package dev.promptarena.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexCheckTest {
    private static RegexCheck must(String p) { return new RegexCheck("c", Pattern.compile(p), true); }
    private static RegexCheck mustNot(String p) { return new RegexCheck("c", Pattern.compile(p), false); }

    @Test
    void matchesAnywhereAndReportsOffset() {
        CheckResult r = must("(?i)policy").evaluate("See our POLICY page");
        assertTrue(r.passed());
        assertEquals("matched at offset 8", r.detail());
        assertFalse(must("(?i)policy").evaluate("nothing here").passed());
    }

    @Test
    void notRegexFailsOnForbiddenMatch() {
        assertFalse(mustNot("\\bguarantee\\b").evaluate("we guarantee it").passed());
        assertTrue(mustNot("\\bguarantee\\b").evaluate("we promise it").passed());
        assertEquals("not_regex", mustNot("x").type());
    }

    @Test
    void emptyOutput() {
        assertFalse(must("\\w").evaluate("").passed());
        assertTrue(must("^$").evaluate("").passed());
        assertTrue(mustNot("\\w").evaluate("").passed());
    }

    @Test
    void replacementCharactersAreOrdinaryText() {
        assertTrue(must("policy$").evaluate(Texts.NON_UTF8).passed());
        assertTrue(must("\uFFFD").evaluate(Texts.NON_UTF8).passed());
    }

    @Test
    void hugeOutputWithLinearPattern() {
        assertTrue(must("amet\\s*$").evaluate(Texts.HUGE).passed());
        assertTrue(mustNot("forbidden").evaluate(Texts.HUGE).passed());
    }

    @Test
    void catastrophicBacktrackingStopsAtTheBudgetAndFails() {
        // Java 9+ memoizes simple nested quantifiers like (a+)+b, but not this: (.*a){20} splits 40 a's
        // in C(40, 20) ways before concluding there is no b, which would take hours unbounded.
        String evil = "a".repeat(40);
        CheckResult r = must("(.*a){20}b").evaluate(evil);
        assertFalse(r.passed());
        assertTrue(r.detail().contains("step budget"), r.detail());
        CheckResult n = mustNot("(.*a){20}b").evaluate(evil);
        assertFalse(n.passed(), "absence was not verified, so not_regex must not pass");
    }

    @Test
    void quadraticPatternOnHugeSingleLineOutputIsStopped() {
        // .*x retried at each of 5 million start positions is O(n^2) reads.
        CheckResult r = must(".*x").evaluate(Texts.HUGE);
        assertFalse(r.passed());
        assertTrue(r.detail().contains("step budget"), r.detail());
    }

    @Test
    void deepRecursionOnHugeOutputFailsInsteadOfCrashing() {
        // Alternation inside a repetition recurses once per character in java.util.regex.
        CheckResult r = must("^(?:a|b)*$").evaluate("ab".repeat(2_500_000));
        assertFalse(r.passed());
        assertTrue(r.detail().startsWith("not evaluated"), r.detail());
    }
}
