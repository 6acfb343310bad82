package dev.promptarena.stats.tournament;

import java.util.List;

/**
 * A ranking of k variants: the Bradley–Terry fit, per-variant scores with bootstrap intervals and P(best), and every
 * pair's difference with a Holm-adjusted test. Variants are listed in index order; sort by score to display.
 *
 * @param fit              the fit on all cases
 * @param variants         one entry per variant, in index order
 * @param pairs            one entry per unordered pair (a &lt; b), in lexicographic order
 * @param cases            cases (clusters) resampled
 * @param resamples        bootstrap resamples drawn
 * @param failedResamples  resamples whose refit had no finite maximum (left out of the intervals; reported, not hidden)
 * @param seed             bootstrap seed (re-running with it reproduces every interval)
 * @param alpha            1 − confidence level of the intervals and level of the pair tests
 */
public record TournamentRanking(BradleyTerryFit fit, List<VariantScore> variants, List<PairDifference> pairs, int cases,
                                int resamples, int failedResamples, long seed, double alpha) {
    public TournamentRanking {
        variants = List.copyOf(variants);
        pairs = List.copyOf(pairs);
    }

    /** The pair {a, b} in either order. */
    public PairDifference pair(int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        return pairs.stream().filter(p -> p.a() == lo && p.b() == hi).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pair " + a + ", " + b));
    }

    /** True when some variant is separated above some other. */
    public boolean anySeparated() { return pairs.stream().anyMatch(PairDifference::separated); }

    /** Index of the variant with the highest point estimate. */
    public int leader() {
        int best = 0;
        for (VariantScore v : variants) if (v.score() > variants.get(best).score()) best = v.variant();
        return best;
    }
}
