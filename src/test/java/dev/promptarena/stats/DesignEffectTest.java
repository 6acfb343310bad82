package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/reference/clustered_checks.py: statsmodels {@code OLS(d, ones)} intercept variance
 * with {@code cov_type="cluster"} over {@code cov_type="HC0"}, floored at 1, and Agresti–Min on the counts divided by
 * it (written out with {@code stats.norm.ppf}). The per-case data are built by the same formulas as the script.
 */
class DesignEffectTest {
    private static final double TOL = 1e-9;
    private static final int K = 60, R = 3;

    /** {aOnly, bOnly, pairs} per case, from {@code f(i)}. */
    private static int[][] data(IntFunction<int[]> f) {
        int[][] out = new int[3][K];
        for (int i = 0; i < K; i++) {
            int[] c = f.apply(i);
            for (int j = 0; j < 3; j++) out[j][i] = c[j];
        }
        return out;
    }

    private static void check(int[][] d, double deff, double lower, double upper) {
        double de = DesignEffect.of(d[0], d[1], d[2]);
        assertEquals(deff, de, TOL);
        double b = 0, c = 0, n = 0;
        for (int i = 0; i < K; i++) { b += d[0][i]; c += d[1][i]; n += d[2][i]; }
        assertEquals(lower, OneSidedBounds.pairedDifferenceLower(b / de, c / de, n / de, 0.025), TOL);
        assertEquals(upper, OneSidedBounds.pairedDifferenceUpper(b / de, c / de, n / de, 0.025), TOL);
    }

    @Test
    void repeatsThatAlwaysAgreeCountAboutOncePerCase() {
        check(data(i -> new int[] {i % 9 == 0 ? R : 0, i % 13 == 5 && i % 9 != 0 ? R : 0, R}),
                3.0508474576271363, -0.061420589167886286, 0.1581419006432961);
    }

    @Test
    void partlyAgreeingRepeats() {
        check(data(i -> new int[] {i % 5 == 0 ? i % 4 : 0, i % 3 == 1 && i % 5 != 0 ? 1 + i % 2 : 0, R}),
                1.980374665477262, -0.13182616628488802, 0.06659485991305214);
    }

    @Test
    void unevenRepeatsPerCase() {
        check(data(i -> new int[] {i % 5 == 0 ? 1 + i % 3 : 0, i % 7 == 3 && i % 5 != 0 ? 1 : 0, 1 + i % 3}),
                2.0274763003324736, 0.012393601436973392, 0.2616784874819317);
    }

    @Test
    void independentPairsOrNoDiscordanceLeaveTheBoundAsItWas() {
        // One pair per case: the clustered variance is the HC0 one times K/(K−1), floored to 1 only by that factor.
        int[] one = new int[K];
        java.util.Arrays.fill(one, 1);
        int[][] d = data(i -> new int[] {i % 6 == 0 ? 1 : 0, i % 10 == 3 ? 1 : 0, 1});
        assertEquals((double) K / (K - 1), DesignEffect.of(d[0], d[1], one), TOL);
        assertEquals(1, DesignEffect.of(new int[K], new int[K], one), 0);
        assertEquals(1, DesignEffect.of(new int[] {2}, new int[] {0}, new int[] {3}), 0, "one case: nothing to estimate");
    }
}
