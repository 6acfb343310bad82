package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The design effect of one rate clustered by session, against statsmodels 0.15.0 (reference/rate_design_effect.py,
 * rate_design_effect.out): {@code sm.OLS(y, ones).fit(cov_type="cluster", cov_kwds={"groups": session}, use_t=False).bse[0]**2}
 * over {@code sm.OLS(y, ones).fit().bse[0]**2}, floored at 1. Tolerance 1e-12 (relative): the same closed form.
 */
class ClusteredProportionsDesignEffectTest {
    private static double effect(int[] y, int[] session) {
        double[] values = java.util.Arrays.stream(y).asDoubleStream().toArray();
        return ClusteredProportions.rateDesignEffect(values, ClusteredProportions.rate(values, session, 0.05));
    }

    @Test
    void correlatedSessionsAgainstStatsmodels() {
        int[] y = {1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1};
        int[] s = {0, 0, 0, 1, 1, 2, 3, 3, 3, 4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 10, 11};
        assertEquals(3.091827364554638, effect(y, s), 3.091827364554638 * 1e-12); // rate_design_effect.out: correlated
    }

    @Test
    void oneTurnPerSessionIsExactlyOne() {
        assertEquals(1.0, effect(new int[] {1, 0, 1, 1, 0, 1, 0, 0, 1, 1}, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), 1e-12); // statsmodels 0.9999999999999993
    }

    @Test
    void sessionsThatDisagreeAreFlooredAtOne() {
        // statsmodels: 1.08e-31 (every session's mean is the overall mean); an effect below 1 would count more turns than there are.
        assertEquals(1.0, effect(new int[] {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0}, new int[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}), 0);
    }

    @Test
    void aSingleSessionIsOneEffectiveTurnAndIdenticalTurnsMeasureNothing() {
        assertEquals(4.0, effect(new int[] {1, 0, 1, 1}, new int[] {7, 7, 7, 7}), 0, "one session: its 4 turns count as one");
        assertEquals(1.0, effect(new int[] {1, 1, 1, 1}, new int[] {0, 0, 1, 1}), 0, "no variance: nothing to correct");
    }
}
