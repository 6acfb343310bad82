package dev.promptarena.stats.sequential;

/**
 * The tie-half score of one judged case, s = 1 (B wins), ½ (tie), 0 (A wins), and the sequential
 * statistic built on it.
 *
 * <p>With P(win) = w, P(tie) = t, P(loss) = l and p = E s = w + t/2:
 * E s² = w + t/4, so Var s = w + t/4 − p² = p(1 − p) − t/4 = (w + l)/4 − (p − ½)².
 * Under H0 (p = ½) that is (1 − t)/4: ties carry no evidence, so they shrink the variance.
 * (Kept here until the tie-aware interval of issue 15 is on main; the two should then share one helper.)
 */
public final class TieScore {
    private TieScore() {}

    /** Var s for win rate p (ties counting half) and tie rate t. */
    public static double variance(double winRate, double tieRate) {
        if (!(tieRate >= 0 && tieRate < 1)) throw new IllegalArgumentException("tieRate must be in [0, 1), got: " + tieRate);
        if (!(winRate - tieRate / 2 >= 0 && winRate + tieRate / 2 <= 1)) {
            throw new IllegalArgumentException("winRate " + winRate + " is impossible with tieRate " + tieRate);
        }
        return winRate * (1 - winRate) - tieRate / 4;
    }

    /** E(s − ½)², the variance the statistic uses; (1 − t)/4 whatever the win rate. */
    public static double nullVariance(double tieRate) { return (1 - tieRate) / 4; }

    /**
     * The sequential z statistic after n = wins + ties + losses cases:
     * Z = Σ(s_i − ½) / √Σ(s_i − ½)² = (wins − losses) / √(wins + losses).
     * It is the score statistic with the null variance estimated from the observed tie share, so it needs
     * no win-rate estimate (a run of all wins at a small n gives √n, not infinity) and, under A/A, its
     * summands are symmetric about 0. Zero when every case is a tie.
     */
    public static double z(long wins, long ties, long losses) {
        if (wins < 0 || ties < 0 || losses < 0) throw new IllegalArgumentException("counts must be >= 0, got: " + wins + ", " + ties + ", " + losses);
        long decided = wins + losses;
        return decided == 0 ? 0 : (wins - losses) / Math.sqrt(decided);
    }
}
