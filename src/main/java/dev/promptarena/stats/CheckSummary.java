package dev.promptarena.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * How variants A and B fared on one rubric check across the pairs where both were evaluated.
 *
 * @param name      the check's name
 * @param pairs     pairs counted (both sides generated without error and the check applied to both)
 * @param passA     pairs where A passed
 * @param passB     pairs where B passed
 * @param aOnly     discordant pairs where A passed and B failed
 * @param bOnly     discordant pairs where B passed and A failed
 * @param pValue    two-sided McNemar p-value (exact, or clustered when cases were repeated)
 * @param midP      mid-p variant of the exact test; equal to {@code pValue} for the clustered test,
 *                  which has a continuous statistic and so no mid-p correction
 * @param clustered true when repeats of a case were present and the clustered test was used
 * @param designEffect {@link DesignEffect} of the pass-rate difference over cases (1 without repeats): the
 *                  guardrail's bound divides the counts by it, so repeats do not pose as independent pairs; kept out
 *                  of report.json (its schema is unchanged), the guardrail's detail states it when repeats are present
 */
public record CheckSummary(String name, int pairs, int passA, int passB, int aOnly, int bOnly,
                           double pValue, double midP, boolean clustered, @JsonIgnore double designEffect) {
    /** A summary whose pairs are independent (design effect 1). */
    public CheckSummary(String name, int pairs, int passA, int passB, int aOnly, int bOnly, double pValue, double midP, boolean clustered) {
        this(name, pairs, passA, passB, aOnly, bOnly, pValue, midP, clustered, 1);
    }

    public CheckSummary {
        if (!(designEffect >= 1)) throw new IllegalArgumentException("design effect must be >= 1, got: " + designEffect);
        Objects.requireNonNull(name, "name");
        if (pairs < 0 || passA < 0 || passB < 0 || aOnly < 0 || bOnly < 0) throw new IllegalArgumentException("counts must be >= 0");
        if (passA > pairs || passB > pairs || aOnly + bOnly > pairs) throw new IllegalArgumentException("counts exceed pairs (" + pairs + ")");
        if (passA - aOnly != passB - bOnly) throw new IllegalArgumentException("inconsistent counts: both-pass differs between A and B");
        if (!(pValue >= 0 && pValue <= 1) || !(midP >= 0 && midP <= 1)) throw new IllegalArgumentException("p-values must be in [0, 1]");
    }

    /** A's pass rate, or NaN when no pair counted. */
    public double passRateA() { return pairs == 0 ? Double.NaN : (double) passA / pairs; }

    /** B's pass rate, or NaN when no pair counted. */
    public double passRateB() { return pairs == 0 ? Double.NaN : (double) passB / pairs; }

    /** B's pass rate minus A's: positive means B passes more often. */
    public double difference() { return pairs == 0 ? Double.NaN : (double) (passB - passA) / pairs; }
}
