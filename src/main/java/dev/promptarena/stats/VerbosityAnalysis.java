package dev.promptarena.stats;

import java.util.List;

/** Computes {@link VerbosityResult}; the warning is set by {@link #warning} once the family-wise rule has spoken. */
public final class VerbosityAnalysis {
    /** Below this many scored outcomes the fit is too unstable to report. */
    public static final int MIN_N = 10;
    /** The verdict "follows length" when the lower bound of the share won by the longer answer reaches this. */
    public static final double FOLLOWS_LENGTH = 0.9;

    private VerbosityAnalysis() {}

    /** Fits the model on the scored outcomes of {@code judged}; no warning yet (see {@link #warning}). */
    public static VerbosityResult analyze(List<JudgedOutcome> judged, double alpha) {
        // Rows of the fit as primitive columns {d, y, w} and each row's case number (no object per row: issue 21).
        CaseNumbers cases = CaseNumbers.of(judged).among(i -> WinRateAnalysis.verdict(judged, i).scored());
        double[] rowD = new double[2 * judged.size()], rowY = new double[rowD.length], rowW = new double[rowD.length];
        int[] rowCase = new int[rowD.length];
        double[] diffs = new double[judged.size()];
        int m = 0;
        double points = 0;
        int n = 0, decided = 0, longer = 0;
        for (int i = 0; i < judged.size(); i++) {
            if (cases.row()[i] < 0) continue;
            JudgedOutcome j = judged.get(i);
            double d = j.outcome().b().words() - j.outcome().a().words();
            diffs[n++] = d;
            double s = j.verdict().score();
            points += s;
            if (d != 0 && (j.verdict() == Verdict.A || j.verdict() == Verdict.B)) {
                decided++;
                if ((j.verdict() == Verdict.B) == (d > 0)) longer++;
            }
            // A tie is half a win and half a loss, so the fitted rate is comparable to the tie-half win rate.
            if (s > 0) { rowD[m] = d; rowY[m] = 1; rowW[m] = s; rowCase[m++] = cases.row()[i]; }
            if (s < 1) { rowD[m] = d; rowY[m] = 0; rowW[m] = 1 - s; rowCase[m++] = cases.row()[i]; }
        }
        boolean follows = decided > 0 && WilsonScore.interval(longer, decided, alpha).lower() >= FOLLOWS_LENGTH;
        if (n == 0) return notEstimable(0, null, null, "no scored outcomes", decided, longer, follows);
        Double raw = points / n;
        Interval rawCi = WilsonScore.interval(points, n, alpha);
        if (n < MIN_N) return notEstimable(n, raw, rawCi, "fewer than " + MIN_N + " scored outcomes", decided, longer, follows);
        double scale = sd(java.util.Arrays.copyOf(diffs, n));
        if (!(scale > 0)) {
            return notEstimable(n, raw, rawCi, "the length difference of A and B does not vary, so length and variant cannot be told apart",
                    decided, longer, follows);
        }
        double[][] design = new double[m][];
        double[] y = java.util.Arrays.copyOf(rowY, m), w = java.util.Arrays.copyOf(rowW, m);
        for (int i = 0; i < m; i++) design[i] = new double[] {1, Math.tanh(rowD[i] / scale)};
        FirthLogistic fit;
        try {
            fit = FirthLogistic.fit(design, y, w);
        } catch (IllegalArgumentException e) {
            return notEstimable(n, raw, rawCi, e.getMessage(), decided, longer, follows);
        }
        // With repeats a case contributes several correlated rows: use the case-cluster sandwich at the Firth estimate.
        boolean repeats = cases.count() < n;
        String[] cluster = new String[repeats ? m : 0];
        for (int i = 0; i < cluster.length; i++) cluster[i] = Integer.toString(rowCase[i]);
        double[][] cov = repeats
                ? new LogisticRegression(fit.coefficients(), fit.covariance(), true, fit.iterations())
                        .clusterCovariance(design, y, w, cluster)
                : fit.covariance();
        String suffix = repeats ? "-cluster" : "";
        double z = Normal.twoSidedCritical(alpha);
        double b0 = fit.coefficients()[0], b1 = fit.coefficients()[1];
        double se0 = Math.sqrt(cov[0][0]), se1 = Math.sqrt(cov[1][1]);
        Interval slope = new Interval(b1 - z * se1, b1 + z * se1, 1 - alpha, "firth-wald" + suffix);
        Interval lcCi = new Interval(expit(b0 - z * se0), expit(b0 + z * se0), 1 - alpha, "firth-wald-logit" + suffix);
        return new VerbosityResult(Evidence.EXPLORATORY, n, true, null, repeats, b1, slope, Normal.twoSidedP(b1 / se1), scale,
                raw, rawCi, expit(b0), lcCi, decided, longer, follows, null);
    }

    /**
     * The warning, if any: loud when the verdict follows length, else when the slope is significant after the
     * family-wise adjustment ({@code adjustedP} &lt; alpha).
     */
    public static String warning(VerbosityResult v, Double adjustedP, double alpha) {
        if (v.followsLength()) {
            return String.format("VERBOSITY: the judge's verdict follows length almost perfectly: the longer answer won %d of %d"
                    + " decisive verdicts where lengths differed. This win rate measures length, not quality; do not ship on it."
                    + " Equalize lengths, change the judge prompt or gate on length_controlled_win_rate.", v.longerWon(), v.lengthDecided());
        }
        if (!v.estimable() || adjustedP == null || !(adjustedP < alpha)) return null;
        return String.format("Verbosity bias: the judge prefers %s answers (slope %.2f log-odds per unit of tanh(length difference / %.0f words),"
                + " p = %.2g, %.2g after Holm across this run's exploratory checks). Raw win rate %.3f, length-controlled %.3f.",
                v.slope() > 0 ? "longer" : "shorter", v.slope(), v.lengthScaleWords(), v.slopeP(), adjustedP, v.rawWinRate(),
                v.lengthControlledWinRate());
    }

    private static VerbosityResult notEstimable(int n, Double raw, Interval rawCi, String why, int decided, int longer, boolean follows) {
        return new VerbosityResult(Evidence.EXPLORATORY, n, false, why, false, null, null, null, null, raw, rawCi, null, null,
                decided, longer, follows, null);
    }

    private static double sd(double[] v) {
        if (v.length < 2) return 0;
        double mean = java.util.Arrays.stream(v).average().orElse(0), ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (v.length - 1));
    }

    private static double expit(double v) { return 1 / (1 + Math.exp(-v)); }
}
