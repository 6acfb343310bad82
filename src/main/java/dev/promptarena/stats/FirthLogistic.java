package dev.promptarena.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Firth's (1993) bias-reduced logistic regression: maximizes the likelihood penalized by ½ log |I(β)|, which
 * gives finite estimates under complete or quasi-complete separation (a judge that always picks the longer
 * answer), where ordinary maximum likelihood runs off to infinity. The modified score is
 * U*_j = Σ w_i (y_i − μ_i + h_i (½ − μ_i)) x_ij with h_i the diagonal of the weighted hat matrix; Newton steps use
 * the Fisher information X'WX, W = diag(w_i μ_i (1 − μ_i)), and the covariance is its inverse at the estimate.
 * The same estimates and Wald standard errors as R's {@code glm(..., method = "brglmFit", type = "AS_mean")}
 * (brglm2) and {@code logistf} (whose default intervals are profile ones; the Wald ones are reported here).
 *
 * @param coefficients the estimates
 * @param covariance   inverse Fisher information at the estimates
 * @param iterations   Newton steps taken
 */
public record FirthLogistic(double[] coefficients, double[][] covariance, int iterations) {
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-10;
    /** Newton steps are halved beyond this length so a start far from the estimate cannot overshoot. */
    private static final double MAX_STEP = 5;

    public double standardError(int j) { return Math.sqrt(covariance[j][j]); }

    /**
     * @param x design matrix (first column of ones for an intercept)
     * @param y responses, 0 or 1
     * @param w prior (frequency) weights, &gt;= 0
     * @throws IllegalArgumentException when the design is rank deficient or the fit does not converge
     */
    public static FirthLogistic fit(double[][] x, double[] y, double[] w) {
        int n = x.length;
        if (n == 0 || y.length != n || w.length != n) throw new IllegalArgumentException("x, y and w must have equal non-zero length");
        int k = x[0].length;
        double[] beta = new double[k];
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[] mu = new double[n];
            double[][] info = new double[k][k];
            for (int i = 0; i < n; i++) {
                mu[i] = 1 / (1 + Math.exp(-dot(x[i], beta)));
                double v = w[i] * mu[i] * (1 - mu[i]);
                for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) info[a][b] += v * x[i][a] * x[i][b];
            }
            RealMatrix inverse = invert(info);
            double[] score = new double[k];
            for (int i = 0; i < n; i++) {
                double v = w[i] * mu[i] * (1 - mu[i]);
                double h = v * quadratic(inverse, x[i]); // leverage of row i
                double r = w[i] * (y[i] - mu[i]) + h * (0.5 - mu[i]);
                for (int a = 0; a < k; a++) score[a] += r * x[i][a];
            }
            double[] step = inverse.operate(score);
            double largest = 0;
            for (double s : step) largest = Math.max(largest, Math.abs(s));
            double scale = largest > MAX_STEP ? MAX_STEP / largest : 1;
            for (int a = 0; a < k; a++) beta[a] += scale * step[a];
            if (largest < TOLERANCE) return new FirthLogistic(beta, covariance(x, w, beta), it);
        }
        throw new IllegalArgumentException("the penalized fit did not converge in " + MAX_ITERATIONS + " iterations");
    }

    private static double[][] covariance(double[][] x, double[] w, double[] beta) {
        int k = beta.length;
        double[][] info = new double[k][k];
        for (int i = 0; i < x.length; i++) {
            double mu = 1 / (1 + Math.exp(-dot(x[i], beta)));
            double v = w[i] * mu * (1 - mu);
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) info[a][b] += v * x[i][a] * x[i][b];
        }
        return invert(info).getData();
    }

    private static RealMatrix invert(double[][] info) {
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(info, false), 1e-12);
        if (!lu.getSolver().isNonSingular()) throw new IllegalArgumentException("information matrix is singular (a predictor has no variation)");
        return lu.getSolver().getInverse();
    }

    private static double quadratic(RealMatrix m, double[] v) {
        double[] mv = m.operate(v);
        return dot(v, mv);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
