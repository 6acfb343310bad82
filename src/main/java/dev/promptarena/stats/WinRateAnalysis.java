package dev.promptarena.stats;

import java.util.List;

/** Computes {@link WinRateResult} from judged outcomes. */
public final class WinRateAnalysis {
    private WinRateAnalysis() {}

    /**
     * @param judged    judged outcomes (any subset, e.g. one segment)
     * @param alpha     1 - confidence level of the intervals
     * @param bootstrap the bootstrap to use, or null to skip it (simulations, segments)
     */
    public static WinRateResult analyze(List<JudgedOutcome> judged, double alpha, ClusterBootstrap bootstrap) {
        int[] count = new int[Verdict.values().length];
        // Per case, numbered in order of first scored outcome (reproducible): the sum of scores and the number of scored
        // outcomes; with repeats also the per-order sums (B first: score, count; A first: score, count) that the
        // position-adjusted bootstrap needs. Columns of the exact length the bootstrap reads, filled in outcome order (the
        // same sums as per-case lists): 16 bytes a case without repeats, where a flat array of 6 sums and its two
        // copied columns took 64 (issue 21).
        CaseNumbers cases = CaseNumbers.of(judged).among(i -> verdict(judged, i).scored());
        int k = cases.count(), scored = 0;
        for (int c : cases.row()) scored += c >= 0 ? 1 : 0;
        double[] sum = new double[k], scoredN = new double[k];
        double[][] byOrder = k < scored ? new double[][] {new double[k], new double[k], new double[k], new double[k]} : null;
        for (int i = 0; i < judged.size(); i++) {
            JudgedOutcome j = judged.get(i);
            count[j.verdict().ordinal()]++;
            if (j.verdict().scored()) {
                int c = cases.row()[i];
                sum[c] += j.verdict().score();
                scoredN[c] += 1;
                Boolean bFirst = byOrder == null ? null : presentation(j.outcome());
                if (bFirst != null) {
                    byOrder[bFirst ? 0 : 2][c] += j.verdict().score();
                    byOrder[bFirst ? 1 : 3][c] += 1;
                }
            }
        }
        int wins = count[Verdict.B.ordinal()], losses = count[Verdict.A.ordinal()];
        int ties = count[Verdict.TIE.ordinal()], inconsistent = count[Verdict.INCONSISTENT.ordinal()];
        int n = wins + losses + ties + inconsistent;
        Double rate = null, strict = null, decisive = null;
        Interval wilson = null, gate = null, tieAware = null;
        Double estimate = null;
        List<TieAwareScore.Group> groups = positionGroups(judged);
        BootstrapResult boot = null;
        if (n > 0) {
            double points = wins + 0.5 * (ties + inconsistent);
            rate = points / n;
            strict = wins / (double) n;
            wilson = WilsonScore.interval(points, n, alpha);
            estimate = TieAwareScore.estimate(groups);
            tieAware = TieAwareScore.interval(groups, alpha);
            boolean repeats = k < n;
            // With repeats the gate needs a case-clustered interval, and it must be around the position-adjusted
            // estimate (an always-first judge: exactly 0.5); without them the raw bootstrap is reported beside it.
            if (bootstrap != null) {
                boot = repeats && groups.size() == 2
                        ? PositionAdjustedBootstrap.interval(byOrder[0], byOrder[1], byOrder[2], byOrder[3], alpha, bootstrap)
                        : bootstrap.ratio(sum, scoredN, alpha);
            }
            gate = repeats && boot != null ? boot.interval() : tieAware;
        }
        if (wins + losses > 0) decisive = wins / (double) (wins + losses);
        return new WinRateResult(Evidence.PRIMARY, judged.size(), k, n, wins, losses, ties, inconsistent,
                count[Verdict.UNPARSEABLE.ordinal()], count[Verdict.ERROR.ordinal()], rate, strict, decisive,
                wilson, boot, SignTest.twoSided(wins, losses), gate, estimate, tieAware, groups.size() == 2);
    }

    /**
     * The scored outcomes as tie-aware groups: one per presentation order when every scored outcome was judged in
     * one order only (B first or A first) and both orders occur, else one group of all. With {@code order: both}
     * each verdict already combines the two orders, so there is nothing to adjust.
     */
    static List<TieAwareScore.Group> positionGroups(List<JudgedOutcome> judged) {
        int[][] c = new int[3][3]; // [B first, A first, all][wins, ties, losses]
        boolean separable = true;
        for (JudgedOutcome j : judged) {
            if (!j.verdict().scored()) continue;
            int kind = j.verdict() == Verdict.B ? 0 : j.verdict() == Verdict.A ? 2 : 1;
            c[2][kind]++;
            Boolean bFirst = presentation(j.outcome());
            if (bFirst == null) separable = false;
            else c[bFirst ? 0 : 1][kind]++;
        }
        boolean both = sum(c[0]) > 0 && sum(c[1]) > 0;
        if (separable && both) return List.of(TieAwareScore.Group.of(c[0][0], c[0][1], c[0][2]), TieAwareScore.Group.of(c[1][0], c[1][1], c[1][2]));
        return sum(c[2]) == 0 ? List.of() : List.of(TieAwareScore.Group.of(c[2][0], c[2][1], c[2][2]));
    }

    /** True/false when every parseable vote of the outcome saw B first / A first; null when mixed or none. */
    private static Boolean presentation(CaseOutcome o) {
        Boolean seen = null;
        for (Vote v : o.votes()) {
            if (v.winner() == Winner.UNPARSEABLE) continue;
            if (seen == null) seen = v.bFirst();
            else if (seen != v.bFirst()) return null;
        }
        return seen;
    }

    private static int sum(int[] a) { return a[0] + a[1] + a[2]; }

    /** The verdict of outcome {@code i}, without building the outcome when the list keeps verdicts apart. */
    static Verdict verdict(List<JudgedOutcome> judged, int i) {
        return judged instanceof JudgedOutcomes j ? j.verdict(i) : judged.get(i).verdict();
    }

}
