package dev.promptarena.stats;

/**
 * PPI++ for labels chosen with known probabilities (active statistical inference, Zrnic &amp; Candès 2024):
 * every case i has the judge's score f_i and was labelled with probability π_i (independently of the others);
 * with ξ_i = 1 when it was labelled,
 * Z_i = λ·f_i + (y_i − λ·f_i)·ξ_i/π_i, θ = mean(Z), se = sd(Z)/√N.
 * Each Z_i has mean E[y_i] whatever λ and π are, so θ is unbiased for the human win rate as long as every
 * π_i &gt; 0 is the probability the case really had; favouring the cases where the judge is unsure narrows the
 * interval. λ minimises the plug-in variance of Z (its unconstrained minimiser, clipped to [0, 1]).
 * ActivePpiTest holds this to the numpy formulas in src/test/resources/reference/ppi.py.
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

    /** λ = −cov(a, b)/var(b) clipped to [0, 1], for Z = a + λb with a_i = y_i ξ_i/π_i and b_i = f_i (1 − ξ_i/π_i). */
    public static double tunedLambda(double[] f, double[] y, double[] pi, boolean[] labelled) {
        check(f, y, pi, labelled);
        double[] a = new double[f.length], b = new double[f.length];
        split(f, y, pi, labelled, a, b);
        double varB = Moments.cov0(b, b);
        if (!(varB > 0)) return 0;
        return Math.max(0, Math.min(1, -Moments.cov0(a, b) / varB));
    }

    /** The estimate and interval for a given λ (λ = 0: the Horvitz–Thompson mean of the labels alone). */
    public static MeanEstimate mean(double[] f, double[] y, double[] pi, boolean[] labelled, double lambda, double alpha) {
        check(f, y, pi, labelled);
        Checks.probability("lambda", lambda);
        double[] a = new double[f.length], b = new double[f.length];
        split(f, y, pi, labelled, a, b);
        double[] z = new double[f.length];
        for (int i = 0; i < z.length; i++) z[i] = a[i] + lambda * b[i];
        return MeanEstimate.normal(Moments.mean(z), Moments.sd0(z) / Math.sqrt(z.length), alpha,
                lambda == 0 ? "horvitz-thompson" : "active-ppi++");
    }

    private static void split(double[] f, double[] y, double[] pi, boolean[] labelled, double[] a, double[] b) {
        for (int i = 0; i < f.length; i++) {
            double w = labelled[i] ? 1 / pi[i] : 0;
            a[i] = labelled[i] ? y[i] * w : 0;
            b[i] = f[i] * (1 - w);
        }
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
