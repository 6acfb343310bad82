package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * check_pass_drop_max with repeats (issue 15): the bound treats a case, not an outcome pair, as the unit. Under A/A
 * with 3 repeats of 100 cases ({@link ClusteredCheckAa}), the unclustered Agresti–Min bound counts a case whose
 * repeats agree three times and breaches far above its level; the design-effect-corrected one stays at it, and still
 * finds a real drop. Sweep figures (2,000 runs each) are in docs/statistics.md §18.
 */
class ClusteredCheckGuardrailTest {
    private static final int RUNS = 800;
    private static final double GAMMA = 0.025;

    @Test
    void underAaWithRepeatsThatAgreeTheBreachRateStaysAtTheLevelWhereTheUnclusteredBoundIsFiveTimesIt() {
        for (double sticky : new double[] {1, 0.5}) {
            int fixed = 0, naive = 0;
            for (long s = 0; s < RUNS; s++) {
                boolean[] r = ClusteredCheckAa.run(100, 3, sticky, 0, GAMMA, s);
                fixed += r[0] ? 1 : 0;
                naive += r[1] ? 1 : 0;
            }
            // Expected 20 of 800 at the level, binomial SE 4.4: at most level + 3 SE.
            assertTrue(fixed <= 20 + 3 * 4.4, "sticky " + sticky + ": breached in " + fixed + " of " + RUNS);
            // The unclustered bound (what the guardrail did before) is well above it: 12.6% and 7.0% in the 2,000-run sweep.
            assertTrue(naive >= (sticky == 1 ? 70 : 38), "sticky " + sticky + ": unclustered breaches " + naive + " of " + RUNS);
        }
    }

    @Test
    void aRealDropWithRepeatsIsStillFound() {
        int breached = 0;
        for (long s = 0; s < 200; s++) breached += ClusteredCheckAa.run(100, 3, 1, 0.2, GAMMA, 10_000 + s)[0] ? 1 : 0;
        assertTrue(breached >= 0.8 * 200, "breached under a 0.2 drop in " + breached + " of 200");
    }
}
