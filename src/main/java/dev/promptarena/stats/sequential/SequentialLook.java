package dev.promptarena.stats.sequential;

import dev.promptarena.stats.Interval;

/**
 * The verdict of one look: the statistic against that look's boundaries, with the interval and the
 * estimate that stay honest after a data-dependent stop.
 *
 * @param look      1-based look number
 * @param cases     judged cases so far
 * @param z         {@link TieScore#z}
 * @param efficacy  the look's upper value; {@code lower} and {@code futility} are NaN where the design has none
 * @param winRate   the naive tie-half win rate, biased away from ½ when the run stops early
 * @param repeated  the repeated confidence interval for the win rate, p̂ ± c_k·SE (Jennison &amp; Turnbull
 *                  ch. 9): all looks' intervals cover the truth together with probability 1 − alpha
 */
public record SequentialLook(int look, long cases, double z, double efficacy, double lower, double futility,
                             LookAction action, double winRate, Interval repeated) {

    /** Evaluates look {@code look} (1-based) of {@code b} on the counts so far. */
    public static SequentialLook of(Boundaries b, int look, long wins, long ties, long losses) {
        if (look < 1 || look > b.looks()) throw new IllegalArgumentException("look must be 1.." + b.looks() + ", got: " + look);
        int k = look - 1;
        long n = wins + ties + losses;
        if (n == 0) throw new IllegalArgumentException("a look needs judged cases");
        double z = TieScore.z(wins, ties, losses);
        double c = b.efficacy().get(k);
        double lo = b.twoSided() ? b.lower().get(k) : Double.NaN;
        double fut = b.hasFutility() ? b.futility().get(k) : Double.NaN;
        LookAction action;
        if (z >= c) action = LookAction.STOP_EFFICACY;
        else if (!Double.isNaN(lo) && z <= lo) action = LookAction.STOP_HARM;
        else if (look == b.looks()) action = LookAction.END;
        else if (!Double.isNaN(fut) && z <= fut) action = LookAction.STOP_FUTILITY;
        else action = LookAction.CONTINUE;
        double p = (wins + ties / 2.0) / n;
        double variance = Math.max(0, (double) (wins + losses) / (4.0 * n) - (p - 0.5) * (p - 0.5));
        double half = c * Math.sqrt(variance / n);
        double level = 1 - 2 * b.alphaSpentOneSided().get(b.looks() - 1);
        Interval rci = new Interval(Math.max(0, p - half), Math.min(1, p + half), level, "repeated confidence interval");
        return new SequentialLook(look, n, z, c, lo, fut, action, p, rci);
    }
}
