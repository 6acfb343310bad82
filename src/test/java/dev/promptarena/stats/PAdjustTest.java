package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected values: statsmodels 0.13.5 {@code multipletests(p, method=m)[1]} for m in bonferroni, holm,
 * fdr_bh (see reference/primitives.py); R's {@code p.adjust} gives the same numbers.
 */
class PAdjustTest {
    private static final double TOL = 1e-12;
    private static final double[] ISSUE_EXAMPLE = {0.001, 0.020, 0.12, 0.42};
    private static final double[] UNSORTED = {0.04, 0.01, 0.03, 0.2, 0.005};

    @Test
    void bonferroni() {
        assertArrayEquals(new double[] {0.004, 0.080, 0.480, 1.000}, PAdjust.BONFERRONI.adjust(ISSUE_EXAMPLE), TOL);
        assertArrayEquals(new double[] {0.2, 0.05, 0.15, 1.0, 0.025}, PAdjust.BONFERRONI.adjust(UNSORTED), TOL);
    }

    @Test
    void holm() {
        assertArrayEquals(new double[] {0.004, 0.06, 0.24, 0.42}, PAdjust.HOLM.adjust(ISSUE_EXAMPLE), TOL);
        assertArrayEquals(new double[] {0.09, 0.04, 0.09, 0.2, 0.025}, PAdjust.HOLM.adjust(UNSORTED), TOL);
    }

    @Test
    void benjaminiHochberg() {
        assertArrayEquals(new double[] {0.004, 0.040, 0.160, 0.420}, PAdjust.BENJAMINI_HOCHBERG.adjust(ISSUE_EXAMPLE), TOL);
        assertArrayEquals(new double[] {0.05, 0.025, 0.05, 0.2, 0.025}, PAdjust.BENJAMINI_HOCHBERG.adjust(UNSORTED), TOL);
    }

    @Test
    void emptyFamily() {
        assertArrayEquals(new double[0], PAdjust.HOLM.adjust(new double[0]));
    }
}
