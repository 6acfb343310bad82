package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/reference/firth.R, R brglm2
 * {@code glm(y ~ x, family = binomial, method = "brglmFit", type = "AS_mean", epsilon = 1e-12)}.
 */
class FirthLogisticTest {
    private static final double TOL = 1e-7;

    private static void check(double[] x, double[] y, double[] w, double b0, double b1, double se0, double se1) {
        double[][] design = new double[x.length][];
        for (int i = 0; i < x.length; i++) design[i] = new double[] {1, x[i]};
        FirthLogistic f = FirthLogistic.fit(design, y, w);
        assertEquals(b0, f.coefficients()[0], TOL);
        assertEquals(b1, f.coefficients()[1], TOL);
        assertEquals(se0, f.standardError(0), TOL);
        assertEquals(se1, f.standardError(1), TOL);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Test
    void ordinaryData() {
        double[] x = {-1.2, -0.8, -0.5, -0.3, 0.0, 0.1, 0.2, 0.4, 0.6, 0.9, 1.3, 1.8, -0.1, 0.5};
        double[] y = {0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1};
        check(x, y, ones(14), 0.0367406772773873, 1.54727195205717, 0.61740388583909, 1.00930801529601);
    }

    @Test
    void completeSeparationStaysFinite() {
        double[] x = {-2, -1.5, -1, -0.5, -0.2, 0.3, 0.6, 1, 1.4, 2};
        double[] y = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        check(x, y, ones(10), -0.0975655714276111, 2.48643933601756, 1.0113534876306, 1.5247869973211);
    }

    @Test
    void tiesAsHalfWeightedRows() {
        double[] x = {-0.9, -0.4, 0.1, 0.1, 0.5, 0.8, -0.2, -0.2, 0.3, 0.95};
        double[] y = {0, 0, 1, 0, 1, 1, 1, 0, 1, 1};
        double[] w = {1, 1, 0.5, 0.5, 1, 1, 0.5, 0.5, 1, 1};
        check(x, y, w, 0.239889533958192, 3.0562229079007, 0.935838676022278, 2.12992123785997);
    }
}
