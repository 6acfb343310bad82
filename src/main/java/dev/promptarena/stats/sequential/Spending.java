package dev.promptarena.stats.sequential;

import dev.promptarena.stats.Normal;

/**
 * Lan–DeMets spending functions: the share of an error level {@code level} used up by information
 * fraction t. Spending instead of fixed boundaries keeps a design valid when the looks come at
 * other fractions than planned (Lan &amp; DeMets 1983): each look spends α(t_k) − α(t_{k−1}).
 * The same functions serve alpha spending (efficacy) and beta spending (futility); rpact calls them
 * asOF/bsOF and asP/bsP, gsDesign sfLDOF and sfLDPocock.
 */
public enum Spending {
    /** O'Brien–Fleming type, α(t) = 2 − 2Φ(z_{1−level/2}/√t): almost nothing early, nearly all at the end. */
    OBRIEN_FLEMING {
        @Override double spentWithin(double level, double t) {
            return 2 - 2 * Normal.cdf(Normal.quantile(1 - level / 2) / Math.sqrt(t));
        }
    },
    /** Pocock type, α(t) = level · ln(1 + (e − 1)t): spends evenly, so early looks stop more readily. */
    POCOCK {
        @Override double spentWithin(double level, double t) {
            return level * Math.log(1 + (Math.E - 1) * t);
        }
    };

    /** The cumulative error spent by fraction t; everything by t ≥ 1, nothing at t ≤ 0. */
    public double spent(double level, double t) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got: " + level);
        if (t <= 0) return 0;
        if (t >= 1) return level;
        return spentWithin(level, t);
    }

    abstract double spentWithin(double level, double t);

    /** The config spelling, e.g. {@code obrien_fleming}. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
