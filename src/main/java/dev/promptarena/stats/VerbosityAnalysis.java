package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.List;

/** Computes {@link VerbosityResult}. */
public final class VerbosityAnalysis {
    /** A gap between raw and length-controlled win rate larger than this is worth a warning. */
    public static final double MATERIAL_DIFFERENCE = 0.05;
    /** Below this many scored outcomes the logistic fit is too unstable to report. */
    public static final int MIN_N = 10;

    private VerbosityAnalysis() {}

    /** Fits the model on the scored outcomes of {@code judged}. */
    public static VerbosityResult analyze(List<JudgedOutcome> judged, double alpha) {
        List<double[]> rows = new ArrayList<>(); // {x, y, w}
        List<String> cluster = new ArrayList<>();
        double points = 0;
        int n = 0;
        for (JudgedOutcome j : judged) {
            if (!j.verdict().scored()) continue;
            n++;
            double x = (j.outcome().b().words() - j.outcome().a().words()) / 100.0;
            double s = j.verdict().score();
            points += s;
            // A tie is half a win and half a loss, so the fitted rate is comparable to the tie-half win rate.
            if (s > 0) { rows.add(new double[] {x, 1, s}); cluster.add(j.outcome().caseId()); }
            if (s < 1) { rows.add(new double[] {x, 0, 1 - s}); cluster.add(j.outcome().caseId()); }
        }
        if (n == 0) return notEstimable(0, null, null, "no scored outcomes");
        Double raw = points / n;
        Interval rawCi = WilsonScore.interval(points, n, alpha);
        if (n < MIN_N) return notEstimable(n, raw, rawCi, "fewer than " + MIN_N + " scored outcomes");
        double[][] design = new double[rows.size()][];
        double[] y = new double[rows.size()], w = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            design[i] = new double[] {1, rows.get(i)[0]};
            y[i] = rows.get(i)[1];
            w[i] = rows.get(i)[2];
        }
        LogisticRegression fit;
        try {
            fit = LogisticRegression.fit(design, y, w);
        } catch (IllegalArgumentException e) {
            return notEstimable(n, raw, rawCi, "the lengths of A and B do not vary enough to fit a slope");
        }
        if (!fit.converged()) {
            return notEstimable(n, raw, rawCi, "the verdicts are perfectly separated by length (the fit does not converge)");
        }
        // With repeats a case contributes several correlated rows: use the case-cluster sandwich.
        boolean repeats = judged.stream().filter(j -> j.verdict().scored()).map(j -> j.outcome().caseId()).distinct().count() < n;
        double[][] cov = repeats ? fit.clusterCovariance(design, y, w, cluster.toArray(String[]::new)) : fit.covariance();
        String suffix = repeats ? "-cluster" : "";
        double z = Normal.twoSidedCritical(alpha);
        double b0 = fit.coefficients()[0], b1 = fit.coefficients()[1];
        double se0 = Math.sqrt(cov[0][0]), se1 = Math.sqrt(cov[1][1]);
        Interval slope = new Interval(b1 - z * se1, b1 + z * se1, 1 - alpha, "wald" + suffix);
        double lc = expit(b0);
        Interval lcCi = new Interval(expit(b0 - z * se0), expit(b0 + z * se0), 1 - alpha, "wald-logit" + suffix);
        double slopeP = Normal.twoSidedP(b1 / se1);
        String warning = null;
        if (Math.abs(raw - lc) > MATERIAL_DIFFERENCE || !rawCi.overlaps(lcCi)) {
            warning = String.format("The win rate changes materially once length is controlled for: raw %.3f vs"
                    + " length-controlled %.3f (slope %.3f log-odds per 100 words, p = %.2g). Part of the result"
                    + " may reflect the judge's preference for %s answers rather than quality.",
                    raw, lc, b1, slopeP, b1 > 0 ? "longer" : "shorter");
        }
        return new VerbosityResult(Evidence.EXPLORATORY, n, true, null, repeats, b1, slope, slopeP, raw, rawCi, lc, lcCi, warning);
    }

    private static VerbosityResult notEstimable(int n, Double raw, Interval rawCi, String why) {
        return new VerbosityResult(Evidence.EXPLORATORY, n, false, why, false, null, null, null, raw, rawCi, null, null, null);
    }

    private static double expit(double v) { return 1 / (1 + Math.exp(-v)); }
}
