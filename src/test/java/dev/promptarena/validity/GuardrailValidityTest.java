package dev.promptarena.validity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each guardrail with an interval, in harm_proven mode at γ = 0.025 with its limit at the A/A truth, through the real
 * pipeline ({@link OpsArena}: sim generation with random latency, cost, length, truncation and check results per case).
 * Few seeds here; bench/validity.sh runs the sweep whose rates are in docs/statistics.md §18.
 */
class GuardrailValidityTest {
    private static final List<String> WITH_INTERVAL = List.of("latency_p95_increase_ms", "cost_per_case_increase_usd",
            "length_growth_max", "truncation_rate_max", "check_pass_drop_max.offers_more", "axis_drop_max");
    @TempDir Path dir;

    @Test
    void underAaEachGuardrailBreachesAtMostAtItsLevelWhereThePointEstimateWouldOftenBreach() {
        OpsArena arena = new OpsArena(dir.resolve("ops"), GuardrailSweep.CASES);
        int seeds = 10;
        Map<String, double[]> r = GuardrailSweep.measure(arena, OpsArena.Variant.SAME, 0, seeds);
        int breaches = 0, point = 0;
        for (String g : WITH_INTERVAL) {
            double[] x = r.get(g);
            assertEquals(seeds, (int) x[0], g);
            // γ = 0.025 per guardrail: over 10 runs one breach is already 4 binomial SE above it.
            assertTrue(x[1] <= 1, g + " breached in " + (int) x[1] + " of " + seeds + " A/A runs");
            breaches += (int) x[1];
            point += (int) x[2];
        }
        // Expected 6 x 10 x 0.025 = 1.5 breaches in all; the point rule (observed > limit) breaches in about half.
        assertTrue(breaches <= 3, "A/A breaches over all guardrails: " + breaches);
        assertTrue(point >= 15, "point-estimate breaches " + point + " of " + 6 * seeds);
        assertEquals(OpsArena.TRUNCATION_RATE, r.get("truncation_rate_max")[3] / seeds, 0.03, "the simulated truncation rate is the truth");
    }

    @Test
    void underARealHarmTheOperationalGuardrailsBreach() {
        OpsArena arena = new OpsArena(dir.resolve("harm"), GuardrailSweep.CASES);
        Map<String, double[]> r = GuardrailSweep.measure(arena, OpsArena.Variant.HARM, 100_000, 2);
        for (String g : List.of("latency_p95_increase_ms", "cost_per_case_increase_usd", "length_growth_max", "truncation_rate_max")) {
            assertEquals(2, (int) r.get(g)[1], g + " should breach in both runs with a real harm");
        }
    }

    @Test
    void similarityDropBreachesAtItsLevelUnderAaAndOnARealDrop() {
        int aa = 0, harm = 0;
        for (long s = 0; s < 400; s++) {
            aa += SimilarityAa.run(200, 0, s).breached() ? 1 : 0;
            harm += SimilarityAa.run(200, 0.03, 1_000_000 + s).breached() ? 1 : 0;
        }
        // γ = 0.025: 10 of 400 expected, SE 3.1; a drop of 0.03 (0.35 sd of the difference) is found most of the time.
        assertTrue(aa <= 10 + 3 * 3.1, "A/A breaches " + aa + " of 400");
        assertTrue(harm >= 0.8 * 400, "breaches under a 0.03 drop " + harm + " of 400");
    }
}
