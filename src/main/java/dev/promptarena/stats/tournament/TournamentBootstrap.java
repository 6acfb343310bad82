package dev.promptarena.stats.tournament;

import dev.promptarena.stats.Interval;
import dev.promptarena.stats.PAdjust;
import dev.promptarena.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ranks variants: fits Bradley–Terry on all cases, then refits on resamples of whole cases.
 *
 * <p>Why cases: the games of one case share its input and are correlated (a hard case makes every variant look bad);
 * resampling cases keeps that, where the model-based standard errors assume independent games. Intervals are
 * percentile intervals (BCa would need a jackknife refit per case for each of k scores; the simulation in
 * TournamentSimulationTest and bench/tournament-sweep.sh measures the percentile intervals' coverage instead).
 * Draws come from {@code new SplittableRandom(seed).nextInt(cases)}, the stream {@code ClusterBootstrap} uses.
 */
public final class TournamentBootstrap {
    /** Fewest resamples accepted: below this P(best) and the tails of the intervals are too coarse to report. */
    public static final int MIN_RESAMPLES = 200;

    private final long seed;
    private final int resamples;

    public TournamentBootstrap(long seed, int resamples) {
        if (resamples < MIN_RESAMPLES) throw new IllegalArgumentException("resamples must be >= " + MIN_RESAMPLES + ", got: " + resamples);
        this.seed = seed;
        this.resamples = resamples;
    }

    /**
     * @param alpha 1 − confidence level, also the family-wise level of the pair separations
     * @throws IllegalArgumentException when the fit on all cases has no finite maximum (its problem is the message)
     */
    public TournamentRanking rank(GameTable table, BradleyTerry model, double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got: " + alpha);
        if (table.variants() != model.variants()) throw new IllegalArgumentException("table has " + table.variants() + " variants, model " + model.variants());
        BradleyTerryFit fit = model.fit(table.totals());
        if (!fit.converged()) throw new IllegalArgumentException("the Bradley–Terry fit failed: " + fit.problem());
        int k = table.variants(), n = table.cases();
        double[][] boot = new double[resamples][];
        int kept = 0;
        SplittableRandom random = new SplittableRandom(seed);
        double[] counts = new double[table.totals().length];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                double[] row = table.row(random.nextInt(n));
                for (int c = 0; c < counts.length; c++) counts[c] += row[c];
            }
            BradleyTerryFit refit = model.fit(counts);
            if (refit.converged()) boot[kept++] = refit.scores();
        }
        if (kept < MIN_RESAMPLES) throw new IllegalArgumentException("only " + kept + " of " + resamples + " bootstrap refits had a finite maximum");
        double[][] draws = Arrays.copyOf(boot, kept);
        List<PairDifference> pairs = pairs(fit, draws, alpha);
        List<VariantScore> variants = new ArrayList<>();
        double[] best = bestShares(draws, k);
        for (int v = 0; v < k; v++) {
            double[] s = column(draws, v, -1);
            int above = 0, below = 0;
            for (PairDifference p : pairs) {
                if (p.a() != v && p.b() != v) continue;
                if (p.above() == v) below++;
                else if (p.separated()) above++;
            }
            variants.add(new VariantScore(v, fit.scores()[v], percentile(s, alpha), best[v], 1 + above, k - below));
        }
        return new TournamentRanking(fit, variants, pairs, n, resamples, resamples - kept, seed, alpha);
    }

    private static List<PairDifference> pairs(BradleyTerryFit fit, double[][] draws, double alpha) {
        int k = fit.scores().length;
        List<int[]> index = new ArrayList<>();
        List<double[]> diffs = new ArrayList<>();
        double[] p = new double[k * (k - 1) / 2];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double[] d = column(draws, a, b);
                int atOrBelow = 0, atOrAbove = 0;
                for (double x : d) {
                    if (x <= 0) atOrBelow++;
                    if (x >= 0) atOrAbove++;
                }
                // (1 + count) / (B + 1): a bootstrap p-value is never exactly 0 (Davison and Hinkley 1997, eq. 4.11).
                p[index.size()] = Math.min(1, 2.0 * (1 + Math.min(atOrBelow, atOrAbove)) / (d.length + 1));
                index.add(new int[] {a, b});
                diffs.add(d);
            }
        }
        double[] holm = PAdjust.HOLM.adjust(p);
        List<PairDifference> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            int a = index.get(i)[0], b = index.get(i)[1];
            out.add(new PairDifference(a, b, fit.scores()[a] - fit.scores()[b], percentile(diffs.get(i), alpha), p[i], holm[i], holm[i] < alpha));
        }
        return out;
    }

    /** Share of resamples in which each variant has the top score (a tie at the top splits the resample). */
    private static double[] bestShares(double[][] draws, int k) {
        double[] share = new double[k];
        for (double[] s : draws) {
            double max = Arrays.stream(s).max().orElseThrow();
            long top = Arrays.stream(s).filter(x -> x == max).count();
            for (int v = 0; v < k; v++) if (s[v] == max) share[v] += 1.0 / top / draws.length;
        }
        return share;
    }

    /** Score of {@code a} in each resample, minus that of {@code b} unless b is −1. */
    private static double[] column(double[][] draws, int a, int b) {
        double[] out = new double[draws.length];
        for (int i = 0; i < draws.length; i++) out[i] = draws[i][a] - (b < 0 ? 0 : draws[i][b]);
        return out;
    }

    private static Interval percentile(double[] values, double alpha) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Interval(Quantiles.type7(sorted, alpha / 2), Quantiles.type7(sorted, 1 - alpha / 2), 1 - alpha, "bootstrap-percentile");
    }
}
