package dev.promptarena.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Weighted binary logistic regression fitted by Newton-Raphson / IRLS (for the canonical logit link
 * they coincide), with standard errors from the inverse observed Fisher information. Weights are
 * frequency weights, as statsmodels' {@code GLM(family=Binomial(), freq_weights=w)} uses them, which
 * lets a tie enter as half a win (y = 1, w = ½) plus half a loss (y = 0, w = ½).
 *
 * @param coefficients fitted coefficients, in the column order of the design matrix
 * @param covariance   estimated covariance matrix of the coefficients
 * @param converged    false when Newton did not converge, which with logistic regression almost
 *                     always means (quasi-)complete separation; estimates are then not usable
 * @param iterations   Newton iterations used
 */
public record LogisticRegression(double[] coefficients, double[][] covariance, boolean converged, int iterations) {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;
    /** |coefficient| beyond this means the fitted probabilities ran to 0 or 1: separation. */
    private static final double SEPARATION = 30;

    /** Standard error of coefficient {@code j}. */
    public double standardError(int j) { return Math.sqrt(covariance[j][j]); }

    /**
     * Fits the model.
     *
     * @param x design matrix (include a column of ones for an intercept)
     * @param y responses, each 0 or 1
     * @param w frequency weights (&gt;= 0)
     * @throws IllegalArgumentException when the design is rank deficient (e.g. a constant predictor)
     */
    public static LogisticRegression fit(double[][] x, double[] y, double[] w) {
        int n = x.length;
        if (n == 0 || y.length != n || w.length != n) throw new IllegalArgumentException("x, y and w must have equal non-zero length");
        int k = x[0].length;
        double[] beta = new double[k];
        RealMatrix inverse = null;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[][] info = new double[k][k];
            double[] score = new double[k];
            for (int i = 0; i < n; i++) {
                double mu = 1 / (1 + Math.exp(-dot(x[i], beta)));
                double v = w[i] * mu * (1 - mu);
                for (int a = 0; a < k; a++) {
                    score[a] += w[i] * (y[i] - mu) * x[i][a];
                    for (int b = 0; b < k; b++) info[a][b] += v * x[i][a] * x[i][b];
                }
            }
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(info, false), 1e-12);
            if (!lu.getSolver().isNonSingular()) {
                // Singular later on means the fitted probabilities collapsed to 0 or 1: separation.
                if (it > 1) return new LogisticRegression(beta, inverse.getData(), false, it);
                throw new IllegalArgumentException("information matrix is singular (a predictor has no variation)");
            }
            inverse = lu.getSolver().getInverse();
            double[] step = inverse.operate(score);
            double largest = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            boolean separated = false;
            for (double b : beta) separated |= Math.abs(b) > SEPARATION;
            if (separated) return new LogisticRegression(beta, inverse.getData(), false, it);
            if (largest < TOLERANCE) {
                // Recompute the covariance at the final estimate rather than the previous one.
                return new LogisticRegression(beta, inverseInformation(x, w, beta).getData(), true, it);
            }
        }
        return new LogisticRegression(beta, inverse.getData(), false, MAX_ITERATIONS);
    }

    /**
     * Cluster-robust (sandwich) covariance at the fitted coefficients: B⁻¹ M B⁻¹ · G/(G−1), where B is
     * the information matrix, M sums the outer products of each cluster's score
     * Σᵢ wᵢ(yᵢ − μᵢ)xᵢ and G is the number of clusters (the CR1 factor used for logit models).
     * Used when one case contributes several correlated observations (repeats).
     *
     * @param clusters cluster label of each row (rows of one case share a label)
     */
    public double[][] clusterCovariance(double[][] x, double[] y, double[] w, String[] clusters) {
        int k = coefficients.length;
        java.util.Map<String, double[]> scores = new java.util.LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            double mu = 1 / (1 + Math.exp(-dot(x[i], coefficients)));
            double[] s = scores.computeIfAbsent(clusters[i], c -> new double[k]);
            for (int a = 0; a < k; a++) s[a] += w[i] * (y[i] - mu) * x[i][a];
        }
        int g = scores.size();
        if (g < 2) throw new IllegalArgumentException("cluster-robust covariance needs at least 2 clusters, got: " + g);
        double[][] meat = new double[k][k];
        for (double[] s : scores.values()) for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) meat[a][b] += s[a] * s[b];
        RealMatrix bread = inverseInformation(x, w, coefficients);
        RealMatrix v = bread.multiply(new Array2DRowRealMatrix(meat, false)).multiply(bread).scalarMultiply(g / (g - 1.0));
        return v.getData();
    }

    private static RealMatrix inverseInformation(double[][] x, double[] w, double[] beta) {
        int k = beta.length;
        double[][] info = new double[k][k];
        for (int i = 0; i < x.length; i++) {
            double mu = 1 / (1 + Math.exp(-dot(x[i], beta)));
            double v = w[i] * mu * (1 - mu);
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) info[a][b] += v * x[i][a] * x[i][b];
        }
        return new LUDecomposition(new Array2DRowRealMatrix(info, false)).getSolver().getInverse();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
