package dev.promptarena.stats.sequential;

import java.util.ArrayList;
import java.util.List;

/**
 * Operating characteristics of boundaries at a drift η: per look, the probability of stopping for
 * efficacy (upper) and of stopping otherwise (lower efficacy or futility, which here is assumed
 * obeyed), and the expected information fraction used.
 *
 * @param upper    P(first stop at look k, above the efficacy value)
 * @param other    P(first stop at look k, below the lower/futility value; at the last look: everything else)
 */
public record Operating(List<Double> fractions, List<Double> upper, List<Double> other) {
    public Operating {
        fractions = List.copyOf(fractions);
        upper = List.copyOf(upper);
        other = List.copyOf(other);
    }

    /** The characteristics of {@code b} when the true drift is {@code eta}. */
    public static Operating at(Boundaries b, double eta) {
        List<Double> up = new ArrayList<>(), down = new ArrayList<>();
        Slice s = null;
        double alive = 1;
        for (int k = 0; k < b.looks(); k++) {
            double t = b.fractions().get(k), c = b.efficacy().get(k);
            double pUp = GroupSequential.exitAbove(s, t, eta, c);
            up.add(pUp);
            if (k == b.looks() - 1) {
                down.add(Math.max(0, alive - pUp)); // the final look stops every path still running
                break;
            }
            double lo = b.stopBelow(k);
            double pDown = lo == Double.NEGATIVE_INFINITY ? 0 : GroupSequential.exitBelow(s, t, eta, lo);
            down.add(pDown);
            s = GroupSequential.advance(s, t, eta, lo, c);
            alive = s.total();
        }
        return new Operating(b.fractions(), up, down);
    }

    /** P(PASS): crossing the upper boundary at some look. */
    public double power() { return upper.stream().mapToDouble(Double::doubleValue).sum(); }

    /** Expected information fraction at the stop, E[t_stop]. */
    public double expectedFraction() {
        double e = 0;
        for (int k = 0; k < fractions.size(); k++) e += fractions.get(k) * (upper.get(k) + other.get(k));
        return e;
    }
}
