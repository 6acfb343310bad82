package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values: scipy 1.10.1 {@code stats.binomtest(k, n, p).pvalue}, see reference/primitives.py; R's binom.test agrees (reference/binom.R). */
class SignTestTest {
    private static final double TOL = 1e-9;

    @ParameterizedTest(name = "binomtest({0}, {1}, {2})")
    @CsvSource({
            "4, 4, 0.5, 0.125",
            "7, 20, 0.5, 0.26317596435546875",
            "60, 100, 0.5, 0.05688793364098088", // R binom.test(60, 100) agrees (reference/binom.R)
            "40, 100, 0.5, 0.05688793364098088", // the mirror outcome must count exactly once on each side
            "3, 10, 0.3, 1.0",
            "0, 10, 0.5, 0.001953125",
            "10, 10, 0.5, 0.001953125",
            "2, 15, 0.3, 0.25797028800588384",
            "9, 15, 0.3, 0.01999008727971399",
            "131, 200, 0.6, 0.12939270287858023"
    })
    void binomialMatchesScipy(int k, int n, double p, double expected) {
        assertEquals(expected, SignTest.binomialP(k, n, p), TOL);
    }

    @Test
    void signTestDropsTies() {
        // 4 wins, 0 losses (1 tie dropped): binomtest(4, 4, 0.5).pvalue = 0.125
        assertEquals(0.125, SignTest.twoSided(4, 0), TOL);
        assertEquals(1.0, SignTest.twoSided(0, 0), 0);
    }
}
