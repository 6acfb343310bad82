package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values: see src/test/resources/reference/primitives.py (the background doc's
 * {@code required_sample_size}, the win-rate formula evaluated with {@code scipy.stats.norm.ppf}, and
 * statsmodels {@code TTestPower().solve_power}).
 */
class SampleSizeTest {
    @Test
    void twoProportionsMatchesTheBackgroundDoc() {
        // required_sample_size(0.60, 0.05): per arm 1470.485... -> 1471, total 2942
        SampleSize.TwoArm five = SampleSize.twoProportions(0.60, 0.05, 0.05, 0.80);
        assertEquals(1471, five.perArm());
        assertEquals(2942, five.total());
        // required_sample_size(0.60, 0.02): per arm 9335.06... -> 9336, total 18672
        assertEquals(18672, SampleSize.twoProportions(0.60, 0.02, 0.05, 0.80).total());
    }

    @Test
    void winRateAccountsForTies() {
        // ((norm.ppf(.975)*sqrt(p0(1-p0)) + norm.ppf(power)*sqrt(p(1-p) - t/4)) / (p - p0))**2
        assertEquals(194, SampleSize.winRate(0.6, 0, 0.5, 0.05, 0.8));   // 193.847...
        assertEquals(155, SampleSize.winRate(0.6, 0.2, 0.5, 0.05, 0.8)); // 154.599... (tie-aware null variance)
        assertEquals(730, SampleSize.winRate(0.5, 0.3, 0.45, 0.05, 0.9)); // 729.157...
        assertEquals(312, SampleSize.winRate(0.55, 0.6, 0.5, 0.05, 0.8)); // 311.587...: 60% ties, issue 15's "about 310"
        // primitives.py: win rate power (stats.norm.cdf of the same statistic)
        assertEquals(0.8122913090115956, SampleSize.winRatePower(200, 0.6, 0, 0.5, 0.05), 1e-9);
        assertEquals(0.6013317286987047, SampleSize.winRatePower(200, 0.57, 0.2, 0.5, 0.05), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> SampleSize.winRate(0.95, 0.2, 0.5, 0.05, 0.8));
    }

    @Test
    void pairedIsWithinOneOfThePairedTTest() {
        // TTestPower().solve_power(effect_size=es, alpha=0.05, power=0.8): 33.367, 89.149, 198.151
        assertEquals(33.36713118431864, SampleSize.paired(1.0, 0.5, 0.05, 0.8), 1.0);
        assertEquals(89.14936471184222, SampleSize.paired(1.0, 0.3, 0.05, 0.8), 1.0);
        assertEquals(198.15082095521646, SampleSize.paired(2.0, 0.4, 0.05, 0.8), 1.0);
    }

    @Test
    void mdeInvertsTheSampleSize() {
        double mde = SampleSize.mdeTwoProportions(0.60, 1471, 0.05, 0.80);
        assertTrue(mde <= 0.05 && mde > 0.0499, "mde " + mde);
        double wr = SampleSize.mdeWinRate(194, 0, 0.5, 0.05, 0.8);
        assertTrue(wr <= 0.1 && wr > 0.0995, "win-rate mde " + wr);
        assertEquals(194, SampleSize.winRate(0.5 + wr, 0, 0.5, 0.05, 0.8));
        double paired = SampleSize.mdePaired(1.0, 34, 0.05, 0.8);
        assertEquals(34, SampleSize.paired(1.0, paired, 0.05, 0.8));
    }
}
