package dev.promptarena.stats.sequential;

import java.util.List;

/**
 * Critical values of a group-sequential design on the z scale, one per look.
 *
 * @param fractions  the information fractions of the looks
 * @param efficacy   upper critical values: stop for efficacy (PASS) when Z_k ≥ efficacy_k
 * @param lower      lower critical values: −efficacy_k for a two-sided design (stop: B worse),
 *                   empty for a one-sided one
 * @param futility   non-binding futility values: stopping when Z_k ≤ futility_k is allowed (the
 *                   efficacy values do not rely on it); empty without futility. The last one equals
 *                   the last efficacy value.
 * @param drift      the drift η (mean of Z at full information) at which the design has its power;
 *                   η² / (z_{1−α/2} + z_{1−β})² is the inflation factor over a fixed design
 * @param alphaSpent cumulative upper-side alpha spent by each look
 */
public record Boundaries(List<Double> fractions, List<Double> efficacy, List<Double> lower, List<Double> futility,
                         double drift, List<Double> alphaSpent) {
    public Boundaries {
        fractions = List.copyOf(fractions);
        efficacy = List.copyOf(efficacy);
        lower = List.copyOf(lower);
        futility = List.copyOf(futility);
        alphaSpent = List.copyOf(alphaSpent);
    }

    public int looks() { return fractions.size(); }

    public boolean hasFutility() { return !futility.isEmpty(); }

    public boolean twoSided() { return !lower.isEmpty(); }

    /** The lower edge of the continuation region at look k (0-based) for the design's own operating characteristics. */
    double stopBelow(int k) {
        double f = hasFutility() ? futility.get(k) : Double.NEGATIVE_INFINITY;
        double l = twoSided() ? lower.get(k) : Double.NEGATIVE_INFINITY;
        return Math.max(f, l);
    }
}
