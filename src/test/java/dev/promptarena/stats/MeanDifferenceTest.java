package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Expected values: src/test/resources/reference/compare.py (scipy 1.10.1), tolerance 1e-9. */
class MeanDifferenceTest {
    private static final double TOL = 1e-9;

    @Test
    void pairedMatchesScipyTtestRel() {
        double[] first = {1, 1, 0.5, 0, 1, 1, 0, 1, 0.5, 1, 1, 0};
        double[] second = {1, 0, 0.5, 0, 0, 1, 0, 0.5, 0.5, 1, 0, 0};
        // stats.ttest_rel(second, first): pvalue, confidence_interval(0.95)
        MeanDifference d = MeanDifference.paired(first, second, 0.05);
        assertEquals(-0.2916666666666667, d.estimate(), TOL);
        assertEquals(0.04634164859760412, d.p(), TOL);
        assertEquals(-0.5776899705572922, d.interval().lower(), TOL);
        assertEquals(-0.005643362776041105, d.interval().upper(), TOL);
        // confidence_interval(0.90)
        MeanDifference d90 = MeanDifference.paired(first, second, 0.10);
        assertEquals(-0.5250462089591201, d90.interval().lower(), TOL);
        assertEquals(-0.058287124374213434, d90.interval().upper(), TOL);
    }

    @Test
    void welchMatchesScipyTtestInd() {
        double[] a = {1, 1, 0.5, 0, 1, 1, 0, 1, 0.5, 1};
        double[] b = {0, 0.5, 0.5, 0, 1, 0, 0, 0.5, 0.5, 1, 0, 0.5, 1, 0};
        // stats.ttest_ind(b, a, equal_var=False).pvalue; interval from stats.t.ppf(0.975, welch df)
        MeanDifference d = MeanDifference.welch(a, b, 0.05);
        assertEquals(-0.3071428571428571, d.estimate(), TOL);
        assertEquals(0.08854272116005665, d.p(), TOL);
        assertEquals(-0.6652584365229199, d.interval().lower(), TOL);
        assertEquals(0.05097272223720578, d.interval().upper(), TOL);
    }

    @Test
    void identicalRunsGiveAPointIntervalAtZeroAndOneCaseNone() {
        MeanDifference same = MeanDifference.paired(new double[] {1, 0, 0.5}, new double[] {1, 0, 0.5}, 0.05);
        assertEquals(0, same.interval().lower());
        assertEquals(0, same.interval().upper());
        assertEquals(1.0, same.p());
        assertNull(MeanDifference.paired(new double[] {1}, new double[] {0}, 0.05).interval());
    }
}
