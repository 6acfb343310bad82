package dev.promptarena.canary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;

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
     * ({@link #at}) is a noise allowance for independent units: about z·√(L(1 − L)/n). Turns of one session are
     * correlated, which multiplies the rate's variance by its design effect D, so the allowance becomes √D times as wide:
     * {@code L + (stage − L)·√D}, the normal approximation of the quantile at the effective count n/D. That keeps what
     * a stage limit promised when the plan was written (a rate exactly at L alerts in about {@code alertRate} of windows)
     * without changing the plan file: a plan written before design effects were measured means what it meant, and D = 1
     * (independent turns, or a metric of the user's export) leaves every limit as written. A stage limit equal to or
     * stricter than the plan's is not an allowance and is kept.
     *
     * @param planned     the plan's guardrail (its limit L)
     * @param staged      the same guardrail at the stage ({@link CanaryPlan#at})
     * @param designEffect the rate's design effect in the window, at least 1
     */
    public static Guardrail forDesignEffect(Guardrail planned, Guardrail staged, double designEffect) {
        if (!(designEffect >= 1)) throw new IllegalArgumentException("design effect must be >= 1, got: " + designEffect);
        if (designEffect == 1 || !isRate(planned)) return staged;
        double allowance = staged.limit() - planned.limit();
        boolean lenient = planned.direction() == Direction.MAX ? allowance > 0 : allowance < 0;
        if (!lenient) return staged;
        double widened = planned.limit() + allowance * Math.sqrt(designEffect);
        return staged.withLimit(Math.min(1, Math.max(0, widened)));
    }
}
