package dev.promptarena.stats;

/**
 * B's win rate against A over the scored outcomes.
 *
 * <p>Scored outcomes are those with verdict B, A, TIE or INCONSISTENT; n below always means that
 * count. Unparseable and error outcomes are counted here but never scored.
 *
 * @param role             always {@link Evidence#PRIMARY}: this is the pre-registered metric
 * @param outcomes         all outcomes (cases × repeats)
 * @param cases            distinct cases (bootstrap clusters) with at least one scored outcome
 * @param scored           n = wins + losses + ties + inconsistent
 * @param wins             outcomes B won
 * @param losses           outcomes A won
 * @param ties             outcomes judged a tie
 * @param inconsistent     outcomes whose winner flipped with the presentation order (scored as ties)
 * @param unparseable      outcomes with no parseable vote
 * @param errors           outcomes where A or B failed to generate
 * @param winRate          (wins + ½ (ties + inconsistent)) / n, the primary metric; null when n = 0
 * @param strictWinRate    wins / n; null when n = 0
 * @param decisiveWinRate  wins / (wins + losses); null when there is no decisive outcome
 * @param wilson           Wilson interval for winRate with n = scored (conservative with ties); null when n = 0
 * @param bootstrap        cluster (case) bootstrap interval: of {@code winRate}, or, with repeats and both presentation
 *                         orders separable, of the position-adjusted {@code estimate} (the gate's interval then);
 *                         null when n = 0 or not computed
 * @param signTestP        exact two-sided sign test of wins vs losses (ties and inconsistent dropped)
 * @param gateInterval     the interval the decision uses: the tie-aware score interval around {@code estimate}
 *                         when every case has one scored outcome, the cluster bootstrap of {@code estimate} when
 *                         repeats make outcomes of a case correlated
 * @param estimate         the primary estimate: with one presentation order per outcome, the mean of B's win rate
 *                         when shown first and when shown second (removes a position effect); otherwise winRate
 * @param tieAware         the {@link TieAwareScore} interval around {@code estimate}; null when n = 0
 * @param positionAdjusted true when {@code estimate} averages the two presentation orders
 */
public record WinRateResult(Evidence role, int outcomes, int cases, int scored, int wins, int losses, int ties,
                            int inconsistent, int unparseable, int errors, Double winRate, Double strictWinRate,
                            Double decisiveWinRate, Interval wilson, BootstrapResult bootstrap, double signTestP,
                            Interval gateInterval, Double estimate, Interval tieAware, boolean positionAdjusted) {

    /** A result whose primary estimate is the raw win rate (no tie-aware interval), as before position adjustment. */
    public WinRateResult(Evidence role, int outcomes, int cases, int scored, int wins, int losses, int ties,
                         int inconsistent, int unparseable, int errors, Double winRate, Double strictWinRate,
                         Double decisiveWinRate, Interval wilson, BootstrapResult bootstrap, double signTestP,
                         Interval gateInterval) {
        this(role, outcomes, cases, scored, wins, losses, ties, inconsistent, unparseable, errors, winRate, strictWinRate,
                decisiveWinRate, wilson, bootstrap, signTestP, gateInterval, winRate, null, false);
    }

    /** This result with another primary estimate and gate interval (a pre-registered alternative metric). */
    public WinRateResult withPrimary(Double primaryEstimate, Interval interval) {
        return new WinRateResult(role, outcomes, cases, scored, wins, losses, ties, inconsistent, unparseable, errors, winRate,
                strictWinRate, decisiveWinRate, wilson, bootstrap, signTestP, interval, primaryEstimate, tieAware, positionAdjusted);
    }

    /** Share of scored outcomes that are ties or inconsistent (0 when nothing is scored). */
    public double tieRate() { return scored == 0 ? 0 : (ties + inconsistent) / (double) scored; }
}
