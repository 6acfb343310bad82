package dev.promptarena.stats;

/** Means and (co)variances with divisor n, the plug-in moments the PPI formulas use (numpy's ddof = 0). */
final class Moments {
    private Moments() {}

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Covariance with divisor n. */
    static double cov0(double[] x, double[] y) {
        double mx = mean(x), my = mean(y), s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
        return s / x.length;
    }

    static double sd0(double[] x) { return Math.sqrt(cov0(x, x)); }
}
