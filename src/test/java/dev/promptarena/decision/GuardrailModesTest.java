package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.OneSidedBounds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** harm_proven / safety_proven on the one-sided bounds of {@link OneSidedBounds} (tested against scipy). */
class GuardrailModesTest {
    private static final double GAMMA = 0.025;

    private static GuardrailResult check(int aOnly, int bOnly, int pairs, double limit, GuardrailSpec.Mode mode) {
        int passA = pairs / 2;
        CheckSummary c = new CheckSummary("valid_json", pairs, passA, passA - aOnly + bOnly, aOnly, bOnly, 0.5, 0.5, false);
        return Guardrails.evaluate(List.of(new GuardrailSpec(GuardrailSpec.CHECK_PASS_DROP, limit, "valid_json", mode)),
                CheckGuardrailsTest.OPS, List.of(c), null, Map.of(), GAMMA).get(0);
    }

    @Test
    void harmProvenBreachesOnlyWhenTheLowerBoundClearsTheLimit() {
        // 4 vs 0 of 200: the point estimate 0.02 is above 0, but the lower bound -0.0017 is not.
        GuardrailResult few = check(4, 0, 200, 0.0, GuardrailSpec.Mode.HARM_PROVEN);
        assertFalse(few.breached(), few.detail());
        assertEquals(0.02, few.observed(), 1e-12);
        assertEquals(-0.0017215859346092557, few.bound(), 1e-9);
        assertEquals(1 - GAMMA, few.level(), 1e-12);
        assertTrue(few.detail().contains("harm_proven"), few.detail());
        GuardrailResult many = check(12, 3, 200, 0.0, GuardrailSpec.Mode.HARM_PROVEN); // lower bound 0.0062 > 0
        assertTrue(many.breached(), many.detail());
    }

    @Test
    void safetyProvenBreachesUnlessTheUpperBoundIsWithinTheLimit() {
        assertTrue(check(12, 3, 200, 0.05, GuardrailSpec.Mode.SAFETY_PROVEN).breached());   // upper 0.0829 > 0.05
        assertFalse(check(0, 0, 50, 0.05, GuardrailSpec.Mode.SAFETY_PROVEN).breached());    // upper 0.0377 <= 0.05
        assertTrue(check(0, 0, 50, 0.03, GuardrailSpec.Mode.SAFETY_PROVEN).breached());     // 0.0377 > 0.03: not proven
    }

    @Test
    void axisDropBoundsEveryAxisAtItsBonferroniShare() {
        double[] clarity = {0, 1, -1, 0, 2, 1, 0, 0, -1, 1, 1, 0, 2, 0, 1};
        double[] tone = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 2};
        Map<String, double[]> drops = new LinkedHashMap<>();
        drops.put("Clarity", clarity);
        drops.put("Tone", tone);
        GuardrailResult r = Guardrails.evaluate(List.of(new GuardrailSpec("axis_drop_max", 0.5)), CheckGuardrailsTest.OPS, List.of(), null,
                drops, GAMMA).get(0);
        double expected = Math.max(OneSidedBounds.meanLower(clarity, GAMMA / 2), OneSidedBounds.meanLower(tone, GAMMA / 2));
        assertEquals(expected, r.bound(), 1e-12);
        assertTrue(r.detail().contains("Tone"), r.detail());
        assertTrue(r.breached(), r.detail()); // Tone drops by about 1 point, clearly more than 0.5
        // No per-case data: the point estimate decides, and says so by having no bound.
        assertNull(Guardrails.evaluate(List.of(new GuardrailSpec("axis_drop_max", 0.5)), CheckGuardrailsTest.OPS, List.of(), null,
                Map.of(), GAMMA).get(0).bound());
    }
}
