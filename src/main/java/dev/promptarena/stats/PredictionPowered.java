package dev.promptarena.stats;

/**
 * PPI++ for a mean (Angelopoulos, Duchi &amp; Zrnic 2023, "PPI++: Efficient Prediction-Powered Inference"):
 * human labels {@code y} on n cases chosen at random, the judge's scores {@code yhat} on the same cases and
 * {@code yhatUnlabeled} on the N other cases. With weight λ,
 * θ = mean(λ·yhatUnlabeled) + mean(y − λ·yhat), se² = var(λ·yhatUnlabeled)/N + var(y − λ·yhat)/n,
 * and λ is tuned to minimise that variance and clipped to [0, 1], so the estimate is never less precise
 * (asymptotically) than the labels alone and a useless judge gets λ ≈ 0. The formulas are ppi_py's
 * {@code ppi_mean_ci} / {@code _calc_lam_glm} (unweighted, one dimension); the interval around them is
 * {@link SkewCorrectedInterval}'s, which widens θ ± z·se on the side the estimator's skewness points to (the plain
 * one undercovered below 100 labels). PredictionPoweredTest holds this class to src/test/resources/reference/ppi.py.
 */
public final class PredictionPowered {
    private PredictionPowered() {}

    /** The three estimates side by side, λ tuned. Needs at least 2 labels. */
    public static CorrectedWinRate estimate(double[] y, double[] yhat, double[] yhatUnlabeled, double alpha) {
        check(y, yhat, yhatUnlabeled);
        double lambda = tunedLambda(y, yhat, yhatUnlabeled);
        double[] all = concat(yhat, yhatUnlabeled);
        MeanEstimate corrected = mean(y, yhat, yhatUnlabeled, lambda, alpha);
        MeanEstimate human = mean(y, yhat, yhatUnlabeled, 0, alpha);
        return new CorrectedWinRate(CorrectedWinRate.Design.RANDOM_SUBSET, corrected, human, MeanEstimate.clt(all, alpha, "wald"),
                lambda, y.length, all.length, CorrectedWinRate.effective(Moments.cov0(y, y), corrected));
    }

    /**
     * ppi_py's power-tuned λ: cov(y, yhat) / ((1 + n/N)·var(yhat ∪ yhatUnlabeled)), covariance with divisor n,
     * variance with divisor n + N − 1, clipped to [0, 1]. 0 when there is nothing to borrow (no unlabelled case
     * or a judge whose scores never vary).
     */
    public static double tunedLambda(double[] y, double[] yhat, double[] yhatUnlabeled) {
        check(y, yhat, yhatUnlabeled);
        int n = y.length, bigN = yhatUnlabeled.length;
        if (bigN == 0) return 0;
        double[] all = concat(yhat, yhatUnlabeled);
        double var = Moments.cov0(all, all) * all.length / (all.length - 1);
        if (!(var > 0)) return 0;
        double lambda = Moments.cov0(y, yhat) / ((1 + (double) n / bigN) * var);
        return Math.max(0, Math.min(1, lambda));
    }

    /** The PPI estimate and interval for a given λ (λ = 1: plain PPI; λ = 0: the labels alone). */
    public static MeanEstimate mean(double[] y, double[] yhat, double[] yhatUnlabeled, double lambda, double alpha) {
        check(y, yhat, yhatUnlabeled);
        Checks.probability("lambda", lambda);
        int n = y.length, bigN = yhatUnlabeled.length;
        double[] rectifier = new double[n];
        for (int i = 0; i < n; i++) rectifier[i] = y[i] - lambda * yhat[i];
        double imputed = bigN == 0 ? 0 : lambda * Moments.mean(yhatUnlabeled);
        double imputedVar = bigN == 0 ? 0 : lambda * lambda * Moments.cov0(yhatUnlabeled, yhatUnlabeled) / bigN;
        double se = Math.sqrt(imputedVar + Moments.cov0(rectifier, rectifier) / n);
        // κ₃ of a mean of m independent values is κ₃(one)/m²; the two parts are independent, so their κ₃ add.
        double k3 = (bigN == 0 ? 0 : Math.pow(lambda, 3) * SkewCorrectedInterval.thirdMoment(yhatUnlabeled) / ((double) bigN * bigN))
                + SkewCorrectedInterval.thirdMoment(rectifier) / ((double) n * n);
        return SkewCorrectedInterval.of(imputed + Moments.mean(rectifier), se, se > 0 ? k3 / (se * se * se) : 0, alpha, "ppi++");
    }

    private static void check(double[] y, double[] yhat, double[] yhatUnlabeled) {
        if (y.length != yhat.length) throw new IllegalArgumentException("y and yhat differ in length: " + y.length + " vs " + yhat.length);
        if (y.length < 2) throw new IllegalArgumentException("need at least 2 labelled cases, got: " + y.length);
        for (double[] a : new double[][] {y, yhat, yhatUnlabeled}) {
            for (double v : a) Checks.probability("score", v);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
