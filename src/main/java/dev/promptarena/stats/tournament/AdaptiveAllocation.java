package dev.promptarena.stats.tournament;

import dev.promptarena.stats.Normal;
import java.util.List;

/**
 * The adaptive schedule's second stage: how many extra judgings each candidate pair gets after the first pass. Each
 * pair's weight is the normal approximation of the chance that its order flips, Φ(−|ŝᵢ − ŝⱼ| / SE), from a
 * Bradley–Terry fit of the first pass alone, so close pairs get the calls and settled ones almost none. The weights are
 * filled proportionally under a per-pair cap (a pair is judged at most once per remaining case), rounded by largest
 * remainder; the result depends only on the first pass, never on the calls it schedules.
 */
public final class AdaptiveAllocation {
    private AdaptiveAllocation() {}

    /**
     * P(order flips) of each pair, or equal weights when the first pass has no finite fit (every pair is then as
     * uncertain as the others).
     */
    public static double[] flipProbabilities(BradleyTerryFit fit, List<int[]> pairs) {
        double[] w = new double[pairs.size()];
        for (int p = 0; p < w.length; p++) {
            if (fit == null || !fit.converged()) {
                w[p] = 0.5;
                continue;
            }
            int a = pairs.get(p)[0], b = pairs.get(p)[1];
            double se = fit.differenceStandardError(a, b);
            double z = Math.abs(fit.scores()[a] - fit.scores()[b]) / se;
            w[p] = se > 0 && Double.isFinite(z) ? Normal.cdf(-z) : 0.5;
        }
        return w;
    }

    /**
     * Splits {@code budget} judgings across pairs in proportion to {@code weights}, at most {@code cap} each.
     *
     * @return judgings per pair, summing to min(budget, cap × pairs)
     */
    public static int[] allocate(double[] weights, int budget, int cap) {
        if (budget < 0 || cap < 0) throw new IllegalArgumentException("budget and cap must be >= 0, got " + budget + ", " + cap);
        int n = weights.length;
        int[] out = new int[n];
        int left = (int) Math.min(budget, (long) cap * n);
        // Water filling: pairs whose proportional share exceeds the cap get the cap, the rest share what is left.
        boolean[] capped = new boolean[n];
        double[] share = new double[n];
        while (true) {
            double total = 0;
            int open = 0;
            for (int p = 0; p < n; p++) if (!capped[p]) { total += weights[p]; open++; }
            int room = left;
            for (int p = 0; p < n; p++) if (capped[p]) room -= cap;
            boolean changed = false;
            for (int p = 0; p < n; p++) {
                if (capped[p]) continue;
                share[p] = total > 0 ? room * weights[p] / total : (double) room / open;
                if (share[p] > cap) { capped[p] = true; changed = true; }
            }
            if (!changed) break;
        }
        int given = 0;
        for (int p = 0; p < n; p++) {
            out[p] = capped[p] ? cap : (int) Math.floor(share[p]);
            given += out[p];
        }
        // Largest remainders first; equal remainders go to the earlier pair (deterministic).
        while (given < left) {
            int best = -1;
            for (int p = 0; p < n; p++) {
                if (out[p] >= cap) continue;
                if (best < 0 || share[p] - out[p] > share[best] - out[best]) best = p;
            }
            out[best]++;
            given++;
        }
        return out;
    }
}
