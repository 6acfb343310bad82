package dev.promptarena.stats.sequential;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param alphaSpentOneSided cumulative upper-side (one-sided) alpha spent by each look: under B = A, the chance
 *                   of a PASS by that look; a two-sided design spends as much again on the harm side, so its last
 *                   value is alpha / 2 (rpact's {@code alphaSpent} of the same design with {@code sided = 1}, half
 *                   of its {@code sided = 2} value). Its JSON key in manifest.json stays {@code alphaSpent}: the
 *                   numbers were always these, and renaming a key of a contract file would break its readers for
 *                   nothing (report-json.md: a rename changes the schema version).
 */
public record Boundaries(List<Double> fractions, List<Double> efficacy, List<Double> lower, List<Double> futility,
                         double drift, @JsonProperty("alphaSpent") List<Double> alphaSpentOneSided) {
    public Boundaries {
        fractions = List.copyOf(fractions);
        efficacy = List.copyOf(efficacy);
        lower = List.copyOf(lower);
        futility = List.copyOf(futility);
        alphaSpentOneSided = List.copyOf(alphaSpentOneSided);
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
