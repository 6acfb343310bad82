package dev.promptarena.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap of the difference of one quantile between two paired samples (B − A), resampling whole
 * cases: a case's repeats go together and its A and B values stay paired, as in {@link ClusterBootstrap}. Used for
 * the {@code latency_p95_increase_ms} guardrail, whose statistic (a difference of p95s) is not a mean, so neither
 * a t bound nor the ratio bootstrap applies. The percentile interval rather than BCa: a quantile's jackknife is
 * unreliable (it moves in jumps between order statistics), which is what BCa's acceleration relies on.
 * Reference: {@code scipy.stats.bootstrap((a, b), stat, paired=True, method="percentile")} (reference/guardrails.py).
 *
 * <p>Why no sorting per resample: the values are sorted once, and a resample is the number of times each case was
 * drawn; its quantile is read by walking the sorted values from the top (p95 needs the top 5%) with those
 * multiplicities. Same order statistics as sorting the resampled values, at O(cases) per resample instead of
 * O(n log n): 10,000 resamples of 10,000 cases take well under a second instead of many.
 */
public final class QuantileBootstrap {
    /**
     * Fewest cases for which the p95 bound keeps its level: under A/A at γ = 0.025 it breached in 8.6% of runs at 10
     * cases and 3.2–3.4% at 20 (above level + 2 SE), 2.2–2.6% at 30 and below γ from 50 on (bench/guardrail-repeats-small-n.sh).
     * With 10 cases the 95th percentile is an interpolation of the two largest values: the bootstrap cannot see
     * beyond the sample's maximum, so its distribution is too narrow.
     */
    public static final int MIN_CASES = 30;

    private QuantileBootstrap() {}

    /**
     * {lower, upper}: the gamma and 1 − gamma quantiles (type 7) of the resampled differences, each a one-sided bound
     * at confidence 1 − gamma; null without cases.
     *
     * @param a per case, A's values (one per repeat); a case may have several
     * @param b per case, B's values, same shape as {@code a}
     * @param p the quantile, e.g. 0.95
     */
    public static double[] bounds(double[][] a, double[][] b, double p, double gamma, long seed, int resamples) {
        Checks.probability("p", p);
        if (!(gamma > 0 && gamma < 0.5)) throw new IllegalArgumentException("gamma must be in (0, 0.5), got: " + gamma);
        if (a.length != b.length) throw new IllegalArgumentException("need one row per case on both sides, got: " + a.length + " and " + b.length);
        int k = a.length;
        if (k == 0) return null;
        Sorted sa = new Sorted(a), sb = new Sorted(b);
        int[] size = new int[k];
        for (int i = 0; i < k; i++) {
            if (a[i].length != b[i].length) throw new IllegalArgumentException("case " + i + " is not paired");
            size[i] = a[i].length;
        }
        double[] boot = new double[resamples];
        int[] drawn = new int[k], counts = new int[k];
        SplitMixDraws random = new SplitMixDraws(seed);
        for (int r = 0; r < resamples; r++) {
            random.fill(drawn, k);
            int m = 0;
            for (int i : drawn) {
                counts[i]++;
                m += size[i];
            }
            boot[r] = m == 0 ? 0 : sb.quantile(counts, m, p) - sa.quantile(counts, m, p);
            for (int i : drawn) counts[i] = 0;
        }
        Arrays.sort(boot);
        return new double[] {Quantiles.type7(boot, gamma), Quantiles.type7(boot, 1 - gamma)};
    }

    /** Every value of one side, ascending, with the case it belongs to. */
    private static final class Sorted {
        private final double[] values;
        private final int[] caseOf;

        Sorted(double[][] rows) {
            int n = Arrays.stream(rows).mapToInt(r -> r.length).sum();
            double[] v = new double[n];
            int[] c = new int[n];
            int j = 0;
            for (int i = 0; i < rows.length; i++) {
                for (double x : rows[i]) { v[j] = x; c[j++] = i; }
            }
            Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(x -> v[x])).toArray(Integer[]::new);
            values = new double[n];
            caseOf = new int[n];
            for (int x = 0; x < n; x++) { values[x] = v[order[x]]; caseOf[x] = c[order[x]]; }
        }

        /** Type 7 quantile of the multiset in which value x occurs counts[caseOf[x]] times (m values in all). */
        double quantile(int[] counts, int m, double p) {
            double h = (m - 1) * p;
            int lo = (int) Math.floor(h), hi = Math.min(lo + 1, m - 1);
            // Positions counted from the top (0 = largest): the two order statistics the interpolation needs.
            int fromTopLo = m - 1 - lo, fromTopHi = m - 1 - hi;
            double vLo = Double.NaN, vHi = Double.NaN;
            int seen = 0;
            for (int x = values.length - 1; x >= 0; x--) {
                int mult = counts[caseOf[x]];
                if (mult == 0) continue;
                int last = seen + mult - 1;
                if (fromTopHi >= seen && fromTopHi <= last) vHi = values[x];
                if (fromTopLo >= seen && fromTopLo <= last) { vLo = values[x]; break; }
                seen += mult;
            }
            return vLo + (h - lo) * (vHi - vLo);
        }
    }
}
