package dev.promptarena.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.similarity.FakeEmbedder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
    private static final TextCheck JSON = new JsonCheck("json", false);
    private static final TextCheck POLICY = new RegexCheck("policy", Pattern.compile("policy"), true);
    private static final SimilarityCheck CLOSE = new SimilarityCheck("close", 0.9);

    /** Sees only the JDK, as a build without the embeddings module would. */
    private static final ClassLoader NOTHING = new ClassLoader(null) {};

    private static Rubric rubric(Check... checks) { return new Rubric("r", "", List.of(), "hash", List.of(checks)); }

    @Test
    void deterministicChecksInRubricOrder() {
        CheckReport r = CheckRunner.forChecks("r", rubric(JSON, POLICY).checks()).evaluate("see policy", null);
        assertEquals(Map.of("json", false, "policy", true), r.passed());
        assertEquals(List.of("json", "policy"), List.copyOf(r.passed().keySet()));
        assertFalse(r.allPassed());
        assertNull(r.similarity());
    }

    @Test
    void nullOutputIsTreatedAsEmpty() {
        CheckReport r = new CheckRunner(rubric(POLICY).checks(), null).evaluate(null, null);
        assertFalse(r.passed().get("policy"));
    }

    @Test
    void similarityEmbedsReferenceOnceForBothVariants() {
        FakeEmbedder fake = new FakeEmbedder();
        CheckRunner runner = new CheckRunner(rubric(POLICY, CLOSE).checks(), fake);
        List<CheckReport> reports = runner.evaluateAll(List.of("abc", "xyz"), "abc abc");
        assertEquals(List.of(List.of("abc abc", "abc", "xyz")), fake.calls);
        assertEquals(1.0, reports.get(0).similarity(), 1e-12);
        assertEquals(0.0, reports.get(1).similarity(), 1e-12);
        assertTrue(reports.get(0).passed().get("close"));
        assertFalse(reports.get(1).passed().get("close"));
        assertTrue(reports.get(0).results().get(1).detail().startsWith("cosine 1.0000"));
    }

    @Test
    void similarityIsSkippedWithoutReferenceAndZeroForEmptyOutput() {
        FakeEmbedder fake = new FakeEmbedder();
        CheckRunner runner = new CheckRunner(rubric(CLOSE).checks(), fake);
        CheckReport noRef = runner.evaluate("abc", null);
        assertEquals(List.of("close"), noRef.skipped());
        assertTrue(noRef.passed().isEmpty());
        assertTrue(fake.calls.isEmpty(), "no reference, no model call");
        CheckReport empty = runner.evaluate("", "abc");
        assertEquals(0.0, empty.similarity());
        assertEquals(List.of(List.of("abc")), fake.calls, "blank output is not sent to the model");
    }

    @Test
    void hugeAndNonUtf8OutputsAreClippedBeforeEmbedding() {
        FakeEmbedder fake = new FakeEmbedder();
        CheckRunner runner = new CheckRunner(rubric(CLOSE).checks(), fake);
        CheckReport r = runner.evaluate(Texts.HUGE, Texts.NON_UTF8);
        assertEquals(CheckRunner.MAX_EMBED_CHARS, fake.calls.get(0).get(1).length());
        assertTrue(r.similarity() > 0);
        String surrogateAtCut = "a".repeat(CheckRunner.MAX_EMBED_CHARS - 1) + "\uD83D\uDE00 tail";
        runner.evaluate(surrogateAtCut, "a");
        String sent = fake.calls.get(1).get(1);
        assertFalse(Character.isHighSurrogate(sent.charAt(sent.length() - 1)), "clip never leaves half a surrogate pair");
    }

    @Test
    void similarityWithoutAnEmbedderIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> CheckRunner.forChecks("r", rubric(CLOSE).checks(), NOTHING));
        assertTrue(e.getMessage().contains("mvn -Pembeddings package"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CheckRunner(rubric(CLOSE).checks(), null));
    }
}
