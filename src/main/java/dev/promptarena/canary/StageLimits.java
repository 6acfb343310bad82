package dev.promptarena.canary;

import dev.promptarena.stats.Normal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Per-stage limits for rate guardrails, from the traffic a stage's window will see. A rate measured on n units
 * is k/n with k ~ Binomial(n, p); at a 1% stage the noise can be as large as the limit L itself (bench: two
 * consecutive windows still roll back 16% of healthy canaries at 1,000 units per window with L = 0.001).
 * The stage limit is the exact binomial quantile: for a maximum, q/n with q the smallest count such that
 * P(k &gt; q | p = L) ≤ {@code alertRate}, so a treatment whose true rate sits exactly at the limit alerts in at
 * most that share of its windows (for a minimum, the mirror image). As n grows the stage limit converges to
 * L. The price is stated, not hidden: at a small stage only a large breach is detectable within a window.
 */
public final class StageLimits {
    private StageLimits() {}

    /** The per-window alert probability at the limit that {@code canary plan --units-per-hour} writes stage limits for. */
    public static final double ALERT_RATE = 0.01;

    /** A metric is a rate when its name ends in {@code _rate} and its limit lies in (0, 1). */
    public static boolean isRate(Guardrail g) {
        return g.metric().endsWith("_rate") && g.limit() > 0 && g.limit() < 1;
    }

    /**
     * Limits for one stage whose windows see {@code unitsPerWindow} treatment units (rounded down).
     *
     * @param alertRate per-window alert probability for a true rate at the limit, e.g. 0.01
     */
    public static Map<String, Double> at(List<Guardrail> guardrails, double unitsPerWindow, double alertRate) {
        int n = (int) Math.min(Integer.MAX_VALUE, Math.floor(unitsPerWindow));
        if (n < 1) throw new IllegalArgumentException("a stage window needs at least one unit, got: " + unitsPerWindow);
        if (!(alertRate > 0 && alertRate < 0.5)) throw new IllegalArgumentException("alertRate must be in (0, 0.5), got: " + alertRate);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Guardrail g : guardrails) {
            if (!isRate(g)) continue;
            BinomialDistribution k = new BinomialDistribution(null, n, g.limit());
            // MAX: breach when count > q, P(count > q) <= alertRate. MIN: breach when count < q, P(count < q) < alertRate.
            double v = g.direction() == Direction.MAX ? Math.max(g.limit(), k.inverseCumulativeProbability(1 - alertRate) / (double) n)
                    : Math.min(g.limit(), k.inverseCumulativeProbability(alertRate) / (double) n);
            out.put(g.metric(), v);
        }
        return out;
    }

    /**
     * The guardrail at a stage, for a rate whose units are correlated. A stage limit more lenient than the plan's limit
     * ({@link #at}) is a noise allowance for independent units: about z·√(L(1 − L)/n), z the normal quantile of
     * {@link #ALERT_RATE}. Turns of one session are correlated, which multiplies the rate's variance by its design effect
     * D, so the allowance becomes √D times as wide: the normal approximation of the quantile at the effective count n/D.
     *
     * <p>Two corrections keep that approximation at its promise in small windows (docs/statistics.md 13: without them a
     * rate exactly at L alerted in 1.1-1.3% of windows of 50-200 turns instead of at most 1%):
     * <ul>
     *   <li>D is not known but estimated in the window, from the spread of its G session totals (the session-clustered
     *       variance), and with 15-60 sessions that estimate is noisy: a window whose D came out low gets too narrow an
     *       allowance. A survey statistician refers a mean over a variance estimated from G clusters to Student's t on
     *       G − 1 degrees of freedom (the design degrees of freedom, clusters − strata, of Korn and Graubard's "Analysis
     *       of Health Surveys"; the G − 1 of Stata's cluster-robust tests and of Cameron and Miller's guide to few
     *       clusters), not to the normal; so z becomes t(G − 1), a factor t(1 − a; G − 1)/z(1 − a) on the allowance
     *       (1.13 at 15 sessions, 1.03 at 60, 1.003 at 500). G − 1 needs only the session count, which
     *       {@code signals-windows.csv} carries; finer degrees of freedom (Satterthwaite, from the sizes of the
     *       sessions) would need the sessions themselves.</li>
     *   <li>The stage limit q/n is an exact count: a minimum alerts when k ≤ q − 1, so the allowance in continuous terms
     *       reaches the midpoint (q − 0.5)/n, half a turn further than q/n (for a maximum, k ≥ q + 1 and (q + 0.5)/n).
     *       Widening q/n instead loses that half turn times √D, which at 200 turns is worth a tenth of a standard
     *       error. So the half turn of the window ({@code turns}) is added before widening; with D = 1, many sessions
     *       and as many turns as planned the widened limit alerts on exactly the counts the stage limit does.</li>
     * </ul>
     * Hence {@code L + (stage − L ± 0.5/n)·√D·t(1 − a; G − 1)/z(1 − a)}, the sign that of the allowance.
     *
     * <p>The plan file is not changed: a plan written before design effects were measured means what it meant, and a
     * metric without session clustering (a metric of the user's export) keeps every limit as written. A stage limit equal
     * to or stricter than the plan's is not an allowance and is kept.
     *
     * @param planned    the plan's guardrail (its limit L)
     * @param staged     the same guardrail at the stage ({@link CanaryPlan#at}), written for {@link #ALERT_RATE}
     * @param clustering the rate's clustering by session in the window; null when its units are independent
     */
    public static Guardrail forDesignEffect(Guardrail planned, Guardrail staged, SessionClustering clustering) {
        if (clustering == null || !isRate(planned)) return staged;
        double allowance = staged.limit() - planned.limit();
        boolean lenient = planned.direction() == Direction.MAX ? allowance > 0 : allowance < 0;
        if (!lenient) return staged;
        // One session: nothing to estimate the spread between sessions from (t on 0 degrees of freedom is unbounded).
        if (clustering.sessions() < 2) return staged.withLimit(planned.direction() == Direction.MAX ? 1 : 0);
        double toMidpoint = allowance + Math.signum(allowance) * 0.5 / clustering.turns();
        double widened = planned.limit() + toMidpoint * Math.sqrt(clustering.designEffect()) * smallSampleFactor(clustering.sessions());
        return staged.withLimit(Math.min(1, Math.max(0, widened)));
    }

    /** t(1 − a; sessions − 1) / z(1 − a) at a = {@link #ALERT_RATE}: how much wider a variance estimated from that many sessions makes the allowance. */
    static double smallSampleFactor(int sessions) {
        return TDistribution.of(sessions - 1).inverseCumulativeProbability(1 - ALERT_RATE) / Normal.quantile(1 - ALERT_RATE);
    }
}
