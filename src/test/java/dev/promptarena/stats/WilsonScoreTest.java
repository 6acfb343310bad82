package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected values: statsmodels 0.13.5, see src/test/resources/reference/primitives.py. */
class WilsonScoreTest {
    private static final double TOL = 1e-9;

    @ParameterizedTest(name = "proportion_confint({0}, {1}, alpha={2}, method=\"wilson\")")
    @CsvSource({
            // count, nobs, alpha, lower, upper  -- proportion_confint(count, nobs, alpha, method="wilson")
            "4.5, 5, 0.05, 0.4629439825324767, 0.9894700456409834",
            "0, 10, 0.05, 0.0, 0.27753279986288926",
            "10, 10, 0.05, 0.7224672001371106, 1.0",
            "57, 100, 0.05, 0.47215389549212305, 0.6626670147588988",
            "57.5, 100, 0.10, 0.4927659269202312, 0.6532826649622927"
    })
    void matchesStatsmodels(double count, int n, double alpha, double lower, double upper) {
        Interval ci = WilsonScore.interval(count, n, alpha);
        assertEquals(lower, ci.lower(), TOL);
        assertEquals(upper, ci.upper(), TOL);
        assertEquals(1 - alpha, ci.level(), 0);
        assertEquals("wilson", ci.method());
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonScore.interval(6, 5, 0.05));
        assertThrows(IllegalArgumentException.class, () -> WilsonScore.interval(0, 0, 0.05));
    }
}
