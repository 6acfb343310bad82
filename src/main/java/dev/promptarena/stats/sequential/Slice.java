package dev.promptarena.stats.sequential;

import dev.promptarena.stats.Normal;
import java.util.Arrays;

/**
 * The sub-density of the sequential z statistic Z_k on the continuation region of look k (the paths
 * that have not stopped yet), tabulated on Jennison &amp; Turnbull's grid (Group Sequential Methods,
 * 2000, §19.2) with Simpson weights folded in: {@code mass[i] = weight_i · h_k(z_i)}.
 *
 * <p>The model is the canonical joint distribution: with information fractions t_k and drift η
 * (the mean of Z at full information), Z_k√t_k is a Brownian motion with drift η, so
 * Z_k ~ N(η√t_k, 1) and increments of Z_k√t_k are independent N(ηΔ, Δ), Δ = t_k − t_{k−1}.
 * The grid is dense where the density is (±3 SD around the mean) and thins out logarithmically to
 * ±(3 + 4 ln r) SD; r = 32 gives boundaries to about 1e-7, well inside the tests' 1e-4.
 */
record Slice(double t, double[] z, double[] mass) {
    private static final int R = 32;

    /** The slice at the first look, continuation region (lo, hi). */
    static Slice first(double t, double eta, double lo, double hi) {
        double[] z = grid(eta * Math.sqrt(t), lo, hi);
        double[] w = simpsonWeights(z);
        double[] mass = new double[z.length];
        for (int i = 0; i < z.length; i++) mass[i] = w[i] * phi(z[i] - eta * Math.sqrt(t));
        return new Slice(t, z, mass);
    }

    /** The slice at the next look (fraction t), continuation region (lo, hi). */
    Slice next(double tNext, double eta, double lo, double hi) {
        double[] zn = grid(eta * Math.sqrt(tNext), lo, hi);
        double[] w = simpsonWeights(zn);
        double delta = tNext - t, sd = Math.sqrt(delta), scale = Math.sqrt(tNext) / sd;
        double[] out = new double[zn.length];
        for (int j = 0; j < zn.length; j++) {
            double sum = 0, target = zn[j] * Math.sqrt(tNext) - eta * delta;
            for (int i = 0; i < z.length; i++) sum += mass[i] * phi((target - z[i] * Math.sqrt(t)) / sd);
            out[j] = w[j] * scale * sum;
        }
        return new Slice(tNext, zn, out);
    }

    /** P(still running here, and Z at the next look (fraction tNext) ≥ b). */
    double exitAbove(double tNext, double eta, double b) {
        double delta = tNext - t, sd = Math.sqrt(delta), sum = 0;
        for (int i = 0; i < z.length; i++) sum += mass[i] * Normal.cdf(-(b * Math.sqrt(tNext) - z[i] * Math.sqrt(t) - eta * delta) / sd);
        return sum;
    }

    /** P(still running here, and Z at the next look (fraction tNext) ≤ a). */
    double exitBelow(double tNext, double eta, double a) {
        double delta = tNext - t, sd = Math.sqrt(delta), sum = 0;
        for (int i = 0; i < z.length; i++) sum += mass[i] * Normal.cdf((a * Math.sqrt(tNext) - z[i] * Math.sqrt(t) - eta * delta) / sd);
        return sum;
    }

    /** P(still running after this look). */
    double total() { return Arrays.stream(mass).sum(); }

    static double phi(double x) { return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI); }

    /** Jennison–Turnbull points around mean mu, cut to (lo, hi) with the cut points added; Simpson midpoints inserted. */
    static double[] grid(double mu, double lo, double hi) {
        int m = 6 * R - 1;
        double[] x = new double[m];
        for (int i = 1; i <= m; i++) {
            if (i < R) x[i - 1] = mu - 3 - 4 * Math.log((double) R / i);
            else if (i <= 5 * R) x[i - 1] = mu - 3 + 3.0 * (i - R) / (2 * R);
            else x[i - 1] = mu + 3 + 4 * Math.log((double) R / (6 * R - i));
        }
        double from = Math.max(lo, x[0]), to = Math.min(hi, x[m - 1]);
        if (!(from < to)) return new double[0]; // the region misses the mean by > 16 SD: no mass worth counting
        double[] odd = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(from),
                java.util.stream.DoubleStream.concat(Arrays.stream(x).filter(v -> v > from && v < to), java.util.stream.DoubleStream.of(to))).toArray();
        double[] all = new double[2 * odd.length - 1];
        for (int i = 0; i < odd.length; i++) all[2 * i] = odd[i];
        for (int i = 0; i + 1 < odd.length; i++) all[2 * i + 1] = (odd[i] + odd[i + 1]) / 2;
        return all;
    }

    /** Composite Simpson weights for a grid whose odd-numbered points bound the panels. */
    static double[] simpsonWeights(double[] all) {
        double[] w = new double[all.length];
        for (int i = 0; i + 2 < all.length; i += 2) {
            double d = all[i + 2] - all[i];
            w[i] += d / 6;
            w[i + 1] += 4 * d / 6;
            w[i + 2] += d / 6;
        }
        return w;
    }
}
