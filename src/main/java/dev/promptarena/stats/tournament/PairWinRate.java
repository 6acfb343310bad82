package dev.promptarena.stats.tournament;

import dev.promptarena.stats.BootstrapResult;

/**
 * One cell pair of the win-rate matrix: how often {@code a} beat {@code b}, ties counting half, over the games the two
 * played, with a case-clustered bootstrap interval; the matrix entry (b, a) is 1 minus this.
 *
 * @param a              row variant
 * @param b              column variant
 * @param games          games between a and b
 * @param bootstrap      observed win rate of a over b and its interval (cases resampled)
 * @param modelWinRate   the Bradley–Terry fit's P(a beats b) in neutral position, ties half; NaN without a fit
 * @param decisive       decisive games between a and b
 * @param firstSlotWins  decisive games won by the variant in the first slot (this pair's order bias)
 */
public record PairWinRate(int a, int b, int games, BootstrapResult bootstrap, double modelWinRate, int decisive, int firstSlotWins) {
    /** Share of decisive games won by the first slot; NaN without decisive games. */
    public double firstSlotShare() { return decisive == 0 ? Double.NaN : (double) firstSlotWins / decisive; }
}
