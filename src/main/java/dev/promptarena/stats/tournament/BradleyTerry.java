package dev.promptarena.stats.tournament;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Bradley–Terry by maximum likelihood with a presentation-position term and a tie model.
 *
 * <p>Variant {@code v} has score {@code sᵥ} (log-strength), the {@code reference} variant's fixed at 0; the variant
 * in the first slot gets {@code h} added (the judge's position bias, estimated so it does not leak into the scores).
 * For first = i, second = j: P(first wins) ∝ exp(sᵢ + h), P(second wins) ∝ exp(sⱼ) and, under
 * {@link TieModel#DAVIDSON}, P(tie) ∝ exp(θ + (sᵢ + h + sⱼ)/2). Every outcome's log-odds is linear in the
 * parameters, so the log-likelihood is a sum of (linear − log-sum-exp of linear) terms: concave, and Newton's
 * method with step halving reaches the unique maximum whenever one exists.
 *
 * <p>Parameter vector: the k−1 free scores (in variant order, reference skipped), then h, then θ (Davidson only).
 */
public final class BradleyTerry {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;
    /** |parameter| beyond this means a probability ran to 0 or 1 (a variant won or lost everything): no finite MLE. */
    private static final double DIVERGED = 30;

    private final int k;
    private final int reference;
    private final TieModel ties;

    public BradleyTerry(int variants, int reference, TieModel ties) {
        if (variants < 2) throw new IllegalArgumentException("need at least 2 variants, got: " + variants);
        if (reference < 0 || reference >= variants) throw new IllegalArgumentException("reference must be in 0.." + (variants - 1) + ", got: " + reference);
        this.k = variants;
        this.reference = reference;
        this.ties = java.util.Objects.requireNonNull(ties, "ties");
    }

    public int variants() { return k; }

    public int reference() { return reference; }

    public TieModel ties() { return ties; }

    /** Length of the parameter vector. */
    int parameters() { return k + (ties == TieModel.DAVIDSON ? 1 : 0); }

    /** Position of variant {@code v}'s score in the parameter vector, or −1 for the reference. */
    int scoreIndex(int v) { return v == reference ? -1 : v < reference ? v : v - 1; }

    int positionIndex() { return k - 1; }

    /** Fits the model to cell counts as {@link GameTable} lays them out. */
    public BradleyTerryFit fit(double[] counts) {
        if (counts.length != GameTable.cells(k)) throw new IllegalArgumentException("need " + GameTable.cells(k) + " cells, got: " + counts.length);
        int p = parameters();
        double[] beta = new double[p];
        double[] grad = new double[p];
        double[][] info = new double[p][p];
        double ll = accumulate(beta, counts, grad, info);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(info, false), 1e-12).getSolver();
            if (!solver.isNonSingular()) {
                return failed(beta, it, ll, it == 1 ? "the comparisons do not connect every variant (information is singular)"
                        : "no finite maximum (a variant won or lost every comparison)");
            }
            double[] step = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(grad, false)).toArray();
            double[] next = new double[p];
            double nextLl = Double.NEGATIVE_INFINITY;
            // Step halving: a full Newton step can overshoot far from the maximum; concavity guarantees a short one helps.
            for (double t = 1; t > 1e-9; t /= 2) {
                for (int a = 0; a < p; a++) next[a] = beta[a] + t * step[a];
                nextLl = accumulate(next, counts, null, null);
                if (nextLl >= ll - 1e-12) break;
            }
            double largest = 0;
            for (int a = 0; a < p; a++) largest = Math.max(largest, Math.abs(next[a] - beta[a]));
            beta = next;
            ll = accumulate(beta, counts, grad, info);
            for (double b : beta) {
                if (Math.abs(b) > DIVERGED) return failed(beta, it, ll, "no finite maximum (a variant won or lost every comparison)");
            }
            if (largest < TOLERANCE) {
                DecompositionSolver last = new LUDecomposition(new Array2DRowRealMatrix(info, false), 1e-12).getSolver();
                if (!last.isNonSingular()) return failed(beta, it, ll, "information is singular at the maximum");
                return result(beta, last.getInverse().getData(), true, it, ll, null);
            }
        }
        return failed(beta, MAX_ITERATIONS, ll, "Newton did not converge in " + MAX_ITERATIONS + " iterations");
    }

    /**
     * The Fisher information of the parameters {@code beta} when cell pair (first, second) is played
     * {@code games[first * k + second]} times: the expected information, used to plan a tournament.
     */
    public double[][] expectedInformation(double[] beta, double[] games) {
        if (games.length != k * k) throw new IllegalArgumentException("need " + k * k + " pair weights, got: " + games.length);
        double[] counts = new double[GameTable.cells(k)];
        for (int pair = 0; pair < k * k; pair++) counts[pair * 3] = games[pair]; // the information ignores which outcome occurred
        double[][] info = new double[parameters()][parameters()];
        accumulate(beta, counts, new double[parameters()], info);
        return info;
    }

    /** The parameter vector for given scores (reference's ignored), position term and θ (ignored for HALF). */
    public double[] parameters(double[] scores, double position, double theta) {
        if (scores.length != k) throw new IllegalArgumentException("need " + k + " scores, got: " + scores.length);
        double[] beta = new double[parameters()];
        for (int v = 0; v < k; v++) if (v != reference) beta[scoreIndex(v)] = scores[v] - scores[reference];
        beta[positionIndex()] = position;
        if (ties == TieModel.DAVIDSON) beta[k] = theta;
        return beta;
    }

    /**
     * Log-likelihood at {@code beta}; when {@code grad} and {@code info} are given, also fills the gradient and the
     * observed information (minus the Hessian; for this log-linear model it equals the expected one).
     */
    double accumulate(double[] beta, double[] counts, double[] grad, double[][] info) {
        int p = beta.length, alts = ties == TieModel.DAVIDSON ? 3 : 2;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
            for (double[] row : info) java.util.Arrays.fill(row, 0);
        }
        double ll = 0;
        double[][] x = new double[alts][p];
        double[] eta = new double[alts], w = new double[alts], prob = new double[alts], mean = new double[p];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i == j) continue;
                int c = (i * k + j) * 3;
                double wins = counts[c], losses = counts[c + 1], tied = counts[c + 2];
                double n = wins + losses + tied;
                if (n == 0) continue;
                features(i, j, x);
                if (ties == TieModel.DAVIDSON) {
                    w[0] = wins; w[1] = losses; w[2] = tied;
                } else {
                    w[0] = wins + tied / 2; w[1] = losses + tied / 2;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < alts; a++) {
                    eta[a] = dot(x[a], beta);
                    max = Math.max(max, eta[a]);
                }
                double z = 0;
                for (int a = 0; a < alts; a++) z += Math.exp(eta[a] - max);
                double logZ = max + Math.log(z);
                for (int a = 0; a < alts; a++) {
                    prob[a] = Math.exp(eta[a] - logZ);
                    ll += w[a] * (eta[a] - logZ);
                }
                if (grad == null) continue;
                java.util.Arrays.fill(mean, 0);
                for (int a = 0; a < alts; a++) {
                    for (int q = 0; q < p; q++) {
                        grad[q] += w[a] * x[a][q];
                        mean[q] += prob[a] * x[a][q];
                    }
                }
                for (int q = 0; q < p; q++) {
                    grad[q] -= n * mean[q];
                    for (int r = 0; r < p; r++) {
                        double second = 0;
                        for (int a = 0; a < alts; a++) second += prob[a] * x[a][q] * x[a][r];
                        info[q][r] += n * (second - mean[q] * mean[r]);
                    }
                }
            }
        }
        return ll;
    }

    /** Feature vectors of the outcomes first-wins, second-wins and (Davidson) tie when i is first and j second. */
    private void features(int i, int j, double[][] x) {
        for (double[] row : x) java.util.Arrays.fill(row, 0);
        int si = scoreIndex(i), sj = scoreIndex(j), h = positionIndex();
        if (si >= 0) x[0][si] = 1;
        x[0][h] = 1;
        if (sj >= 0) x[1][sj] = 1;
        if (x.length == 3) {
            if (si >= 0) x[2][si] = 0.5;
            if (sj >= 0) x[2][sj] = 0.5;
            x[2][h] = 0.5;
            x[2][k] = 1;
        }
    }

    private BradleyTerryFit failed(double[] beta, int iterations, double ll, String problem) {
        return result(beta, null, false, iterations, ll, problem);
    }

    private BradleyTerryFit result(double[] beta, double[][] cov, boolean converged, int it, double ll, String problem) {
        double[] scores = new double[k];
        for (int v = 0; v < k; v++) scores[v] = v == reference ? 0 : beta[scoreIndex(v)];
        double theta = ties == TieModel.DAVIDSON ? beta[k] : Double.NaN;
        return new BradleyTerryFit(this, scores, beta[positionIndex()], theta, cov, converged, it, ll, problem);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
