package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values: statsmodels 0.13.5, see src/test/resources/reference/primitives.py. */
class LogisticRegressionTest {
    private static final double TOL = 1e-6;
    private static final double[] X = {-1.2, -0.8, -0.5, -0.3, 0.0, 0.1, 0.2, 0.4, 0.6, 0.9, 1.3, 1.8, -0.1, 0.5};
    private static final double[] Y = {0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1};
    private static final double[] W = {1, 1, 1, 0.5, 1, 1, 0.5, 1, 1, 1, 1, 1, 1, 0.5};

    private static double[][] design() {
        return Arrays.stream(X).mapToObj(x -> new double[] {1, x}).toArray(double[][]::new);
    }

    @Test
    void weightedMatchesGlmFreqWeights() {
        LogisticRegression fit = LogisticRegression.fit(design(), Y, W);
        assertTrue(fit.converged());
        // sm.GLM(y, sm.add_constant(x), family=sm.families.Binomial(), freq_weights=w).fit(tol=1e-14).params / .bse
        assertEquals(-0.03359411563151554, fit.coefficients()[0], TOL);
        assertEquals(1.9340547093619447, fit.coefficients()[1], TOL);
        assertEquals(0.6933255353629533, fit.standardError(0), TOL);
        assertEquals(1.1908255699600458, fit.standardError(1), TOL);
    }

    @Test
    void unweightedMatchesLogit() {
        double[] ones = new double[X.length];
        Arrays.fill(ones, 1);
        LogisticRegression fit = LogisticRegression.fit(design(), Y, ones);
        // sm.Logit(y, sm.add_constant(x)).fit().params / .bse
        assertEquals(0.019014614002028883, fit.coefficients()[0], TOL);
        assertEquals(2.1531038145648345, fit.coefficients()[1], TOL);
        assertEquals(0.6607406512552177, fit.standardError(0), TOL);
        assertEquals(1.2605438123449693, fit.standardError(1), TOL);
    }

    @Test
    void separationIsReportedAsNotConverged() {
        double[][] x = {{1, -2}, {1, -1}, {1, 1}, {1, 2}};
        LogisticRegression fit = LogisticRegression.fit(x, new double[] {0, 0, 1, 1}, new double[] {1, 1, 1, 1});
        assertFalse(fit.converged());
    }

    @Test
    void constantPredictorIsRejected() {
        double[][] x = {{1, 0}, {1, 0}, {1, 0}};
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new double[] {0, 1, 1}, new double[] {1, 1, 1}));
    }

    @Test
    void clusterRobustCovarianceMatchesStatsmodels() {
        // Same formulas as primitives.py: 36 rows in 12 clusters of 3.
        double[][] x = new double[36][];
        double[] y = new double[36], w = new double[36];
        String[] g = new String[36];
        for (int i = 0; i < 36; i++) {
            x[i] = new double[] {1, ((i * 37) % 23 - 11) / 5.0};
            y[i] = (i * 7 + i / 3) % 5 < 3 ? 1 : 0;
            w[i] = 1;
            g[i] = "c" + i / 3;
        }
        LogisticRegression fit = LogisticRegression.fit(x, y, w);
        assertEquals(0.46321282386832835, fit.coefficients()[0], TOL);
        assertEquals(0.09873867544498396, fit.coefficients()[1], TOL);
        double[][] v = fit.clusterCovariance(x, y, w, g);
        // GLM(...).fit(cov_type="cluster", cov_kwds={"groups": g, "use_correction": False}).bse * sqrt(12 / 11)
        assertEquals(0.17865081579103528, Math.sqrt(v[0][0]), TOL);
        assertEquals(0.26178149052298627, Math.sqrt(v[1][1]), TOL);
    }
}
