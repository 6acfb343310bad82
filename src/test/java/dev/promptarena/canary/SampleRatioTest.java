package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SRM chi-square against scipy.stats.chisquare(obs, f_exp=sum(obs)*share) (canary.py "srm" lines). */
class SampleRatioTest {
    private static void check(long[] obs, double[] share, double stat, double p) {
        SampleRatio r = SampleRatio.test(obs, share);
        assertEquals(stat, r.statistic(), 1e-9 * Math.max(1, stat));
        assertEquals(p, r.p(), 1e-9 * p + 1e-300); // relative 1e-9
        assertEquals(obs.length - 1, r.df());
    }

    @Test
    void matchesScipy() {
        check(new long[] {5000, 5000}, new double[] {0.5, 0.5}, 0.0, 1.0);
        check(new long[] {5120, 4880}, new double[] {0.5, 0.5}, 5.76, 0.01639507184919225);
        check(new long[] {9810, 190}, new double[] {0.99, 0.01}, 81.81818181818181, 1.4919966396986922e-19);
        check(new long[] {9750, 250}, new double[] {0.99, 0.01}, 227.27272727272728, 2.344932849429157e-51);
        check(new long[] {330, 340, 330}, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, 0.2, 0.9048374180359595);
        check(new long[] {8000, 2100}, new double[] {0.8, 0.2}, 3.9603960396039604, 0.04658274252301569);
    }

    @Test
    void flagsOnlyRealMismatches() {
        assertTrue(SampleRatio.test(new long[] {9810, 190}, new double[] {99, 1}).mismatch(SampleRatio.DEFAULT_ALPHA));
        assertFalse(SampleRatio.test(new long[] {5120, 4880}, new double[] {1, 1}).mismatch(SampleRatio.DEFAULT_ALPHA));
        assertThrows(IllegalArgumentException.class, () -> SampleRatio.test(new long[] {0, 0}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> SampleRatio.test(new long[] {1}, new double[] {1}));
    }
}
