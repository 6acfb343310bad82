package dev.promptarena.stats;

/**
 * PPI++ for labels chosen with known probabilities (active statistical inference, Zrnic &amp; Candès 2024):
 * every case i has the judge's score f_i and was labelled with probability π_i; with ξ_i = 1 when it was labelled,
 * Z_i = λ·f_i + K·π_i + (y_i − λ·f_i − K·π_i)·ξ_i/π_i, θ = mean(Z), se = sd(Z)/√N.
 * Each Z_i has mean E[y_i] whatever λ, K and π are, so θ is unbiased for the human win rate as long as every
 * π_i &gt; 0 is the probability the case really had; favouring the cases where the judge is unsure narrows the
 * interval. λ and K minimise the plug-in variance of Z (least squares; λ clipped to [0, 1], K free).
 *
 * <p>WHY the K·π_i term: with K = 0 this is Zrnic &amp; Candès' estimator for independent (Poisson) draws, whose
 * variance counts the randomness of the number of labels. {@code label} draws exactly n cases
 * ({@link LabelSampling#drawExactly}), and then Σ π_i ξ_i/π_i = n = Σ π_i, so the K terms cancel in θ for every
 * K and only remove that count variance from se: without them the human-only interval covered 99.9% instead of 95%
 * (bench/ppi-coverage.sh). Under Poisson draws K·(π_i − ξ_i) has mean 0, a control variate that keeps θ unbiased
 * (π as an auxiliary variable, Särndal, Swensson &amp; Wretman 1992, "Model Assisted Survey Sampling", §6.5).
 * The interval is {@link SkewCorrectedInterval}'s. ActivePpiTest holds this to src/test/resources/reference/ppi.py.
 */
public final class ActivePpi {
    private ActivePpi() {}

    /**
     * The three estimates side by side, λ tuned.
     *
     * @param f        the judge's score on every case
     * @param y        the human score where {@code labelled[i]}; ignored (may be NaN) elsewhere
     * @param pi       each case's probability of having been labelled, in (0, 1]
     * @param labelled which cases were labelled
     */
    public static CorrectedWinRate estimate(double[] f, double[] y, double[] pi, boolean[] labelled, double alpha) {
        int n = check(f, y, pi, labelled);
        double lambda = tunedLambda(f, y, pi, labelled);
        MeanEstimate corrected = mean(f, y, pi, labelled, lambda, alpha);
        MeanEstimate human = mean(f, y, pi, labelled, 0, alpha);
        return new CorrectedWinRate(CorrectedWinRate.Design.KNOWN_PROBABILITIES, corrected, human, MeanEstimate.clt(f, alpha, "wald"),
                lambda, n, f.length, CorrectedWinRate.effective(weightedVariance(y, pi, labelled), corrected));
    }

    /**
     * λ of the least-squares (λ, K) minimising var(a + λb + Kc), a_i = y_i ξ_i/π_i, b_i = f_i (1 − ξ_i/π_i),
     * c_i = π_i − ξ_i; when it falls outside [0, 1], clipped (K is then re-fitted for that λ).
     */
    public static double tunedLambda(double[] f, double[] y, double[] pi, boolean[] labelled) {
        check(f, y, pi, labelled);
        double[][] abc = split(f, y, pi, labelled);
        double[] a = abc[0], b = abc[1], c = abc[2];
        double sbb = Moments.cov0(b, b), scc = Moments.cov0(c, c), sbc = Moments.cov0(b, c);
        double sab = Moments.cov0(a, b), sac = Moments.cov0(a, c), det = sbb * scc - sbc * sbc;
        double lambda;
        if (scc > 0 && det > 1e-15 * sbb * scc) lambda = (-sab * scc + sac * sbc) / det;
        else if (sbb > 0) lambda = -sab / sbb;
        else return 0;
        return Math.max(0, Math.min(1, lambda));
    }

    /** The estimate and interval for a given λ, K tuned (λ = 0: the labels alone, Horvitz–Thompson with the K term). */
    public static MeanEstimate mean(double[] f, double[] y, double[] pi, boolean[] labelled, double lambda, double alpha) {
        check(f, y, pi, labelled);
        Checks.probability("lambda", lambda);
        double[][] abc = split(f, y, pi, labelled);
        double[] a = abc[0], b = abc[1], c = abc[2], z = new double[f.length];
        for (int i = 0; i < z.length; i++) z[i] = a[i] + lambda * b[i];
        double scc = Moments.cov0(c, c), k = scc > 0 ? -Moments.cov0(z, c) / scc : 0;
        for (int i = 0; i < z.length; i++) z[i] += k * c[i];
        double sd = Moments.sd0(z), skew = sd > 0 ? SkewCorrectedInterval.thirdMoment(z) / (sd * sd * sd) / Math.sqrt(z.length) : 0;
        return SkewCorrectedInterval.of(Moments.mean(z), sd / Math.sqrt(z.length), skew, alpha,
                lambda == 0 ? "horvitz-thompson" : "active-ppi++");
    }

    private static double[][] split(double[] f, double[] y, double[] pi, boolean[] labelled) {
        double[] a = new double[f.length], b = new double[f.length], c = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            double w = labelled[i] ? 1 / pi[i] : 0;
            a[i] = labelled[i] ? y[i] * w : 0;
            b[i] = f[i] * (1 - w);
            c[i] = pi[i] - (labelled[i] ? 1 : 0);
        }
        return new double[][] {a, b, c};
    }

    /** The human score's variance, each label weighted by 1/π (Hájek): what one randomly chosen label would carry. */
    private static double weightedVariance(double[] y, double[] pi, boolean[] labelled) {
        double sw = 0, swy = 0;
        for (int i = 0; i < y.length; i++) if (labelled[i]) { sw += 1 / pi[i]; swy += y[i] / pi[i]; }
        double mean = swy / sw, s = 0;
        for (int i = 0; i < y.length; i++) if (labelled[i]) s += (y[i] - mean) * (y[i] - mean) / pi[i];
        return s / sw;
    }

    private static int check(double[] f, double[] y, double[] pi, boolean[] labelled) {
        if (y.length != f.length || pi.length != f.length || labelled.length != f.length) {
            throw new IllegalArgumentException("f, y, pi and labelled must have one entry per case, got lengths "
                    + f.length + ", " + y.length + ", " + pi.length + ", " + labelled.length);
        }
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            Checks.probability("score", f[i]);
            if (!(pi[i] > 0 && pi[i] <= 1)) throw new IllegalArgumentException("pi must be in (0, 1], got: " + pi[i] + " at " + i);
            if (labelled[i]) { Checks.probability("label score", y[i]); n++; }
        }
        if (n < 2) throw new IllegalArgumentException("need at least 2 labelled cases, got: " + n);
        return n;
    }
}
