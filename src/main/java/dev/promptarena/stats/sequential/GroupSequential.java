package dev.promptarena.stats.sequential;

import dev.promptarena.stats.Normal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Boundaries of a group-sequential design from its spending functions, by recursive numerical
 * integration of the joint distribution of the sequential z statistics (Armitage, McPherson &amp; Rowe
 * 1969; Jennison &amp; Turnbull 2000, ch. 19), the method of rpact and gsDesign.
 *
 * <p>Efficacy values come first, under H0 (η = 0): the look-k value is the c_k at which the
 * probability of first crossing at look k equals the alpha the spending function releases there.
 * Futility is non-binding, so it plays no part in that calculation: ignoring a futility stop never
 * inflates alpha. Futility values then come from beta spending under the design's alternative, whose
 * drift is solved so that the last futility value meets the last efficacy value (rpact's
 * convention); without futility the drift is the one that gives the stated power.
 */
public final class GroupSequential {
    /** Largest critical value used; beyond it the crossing probability is below 1e-15 (rpact's cap is 8 too). */
    static final double CAP = 8;

    private GroupSequential() {}

    /** Computes the boundaries and the design drift. */
    public static Boundaries compute(SequentialDesign design) {
        List<Double> t = design.fractions();
        int looks = t.size();
        List<Double> eff = new ArrayList<>(), lower = new ArrayList<>(), spent = new ArrayList<>();
        Slice s = null;
        double spentBefore = 0, level = design.upperLevel();
        for (int k = 0; k < looks; k++) {
            double tk = t.get(k);
            double cumulative = k == looks - 1 ? level : design.spending().spent(level, tk);
            double target = cumulative - spentBefore;
            Slice prev = s;
            double c = target <= 0 ? CAP : Math.min(CAP, solveDecreasing(b -> exitAbove(prev, tk, 0, b), target, -CAP, CAP));
            eff.add(c);
            if (design.twoSided()) lower.add(-c);
            spent.add(cumulative);
            spentBefore = cumulative;
            if (k < looks - 1) s = advance(s, tk, 0, design.twoSided() ? -c : Double.NEGATIVE_INFINITY, c);
        }
        Boundaries noFutility = new Boundaries(t, eff, lower, List.of(), Double.NaN, spent);
        double power = 1 - design.beta();
        if (design.futility() == null) {
            double eta = solveIncreasing(e -> Operating.at(noFutility, e).power(), power, 0, 40);
            return new Boundaries(t, eff, lower, List.of(), eta, spent);
        }
        double eta = solveIncreasing(e -> Operating.at(withFutility(noFutility, design, e), e).power(), power, 0, 40);
        Boundaries b = withFutility(noFutility, design, eta);
        return new Boundaries(t, eff, lower, b.futility(), eta, spent);
    }

    /**
     * The classic two-sided O'Brien–Fleming design (1979), c_k = C/√t_k with C such that the total
     * crossing probability under H0 is alpha. Only for looks fixed in advance: unlike the spending
     * designs it cannot absorb a look that comes at another fraction. Kept as the published check of the
     * integration (Jennison &amp; Turnbull Table 2.3: 4 looks, alpha 0.05 → C_B = 2.024).
     */
    public static Boundaries classicObrienFleming(List<Double> fractions, double alpha, double power) {
        SequentialDesign d = new SequentialDesign(fractions, Spending.OBRIEN_FLEMING, alpha, true, null, 1 - power);
        java.util.function.DoubleFunction<Boundaries> at = cap -> {
            List<Double> eff = fractions.stream().map(t -> cap / Math.sqrt(t)).toList();
            return new Boundaries(fractions, eff, eff.stream().map(c -> -c).toList(), List.of(), Double.NaN, List.of());
        };
        double c = solveDecreasing(cap -> Operating.at(at.apply(cap), 0).power(), d.upperLevel(), 0.5, CAP);
        Boundaries b = at.apply(c);
        Operating h0 = Operating.at(b, 0);
        List<Double> spent = new ArrayList<>();
        double sum = 0;
        for (double u : h0.upper()) spent.add(sum += u);
        double eta = solveIncreasing(e -> Operating.at(b, e).power(), power, 0, 40);
        return new Boundaries(fractions, b.efficacy(), b.lower(), List.of(), eta, spent);
    }

    /** Futility values by beta spending under drift eta; the last one is the last efficacy value. */
    static Boundaries withFutility(Boundaries b, SequentialDesign design, double eta) {
        List<Double> t = b.fractions(), fut = new ArrayList<>();
        Slice s = null;
        for (int k = 0; k < t.size() - 1; k++) {
            double tk = t.get(k), c = b.efficacy().get(k);
            double target = design.futility().spent(design.beta(), tk) - design.futility().spent(design.beta(), k == 0 ? 0 : t.get(k - 1));
            Slice prev = s;
            double f = exitBelow(prev, tk, eta, c) <= target ? c
                    : solveIncreasingFn(a -> exitBelow(prev, tk, eta, a), target, -CAP - 12, c);
            fut.add(f);
            double lo = b.twoSided() ? Math.max(f, b.lower().get(k)) : f;
            s = advance(s, tk, eta, lo, c);
        }
        fut.add(b.efficacy().get(t.size() - 1));
        return new Boundaries(t, b.efficacy(), b.lower(), fut, eta, b.alphaSpentOneSided());
    }

    static Slice advance(Slice s, double t, double eta, double lo, double hi) {
        return s == null ? Slice.first(t, eta, lo, hi) : s.next(t, eta, lo, hi);
    }

    static double exitAbove(Slice s, double t, double eta, double b) {
        return s == null ? Normal.cdf(eta * Math.sqrt(t) - b) : s.exitAbove(t, eta, b);
    }

    static double exitBelow(Slice s, double t, double eta, double a) {
        return s == null ? Normal.cdf(a - eta * Math.sqrt(t)) : s.exitBelow(t, eta, a);
    }

    /** x in [lo, hi] with f(x) = target for f decreasing in x. */
    static double solveDecreasing(DoubleUnaryOperator f, double target, double lo, double hi) {
        return solveIncreasingFn(x -> -f.applyAsDouble(x), -target, lo, hi);
    }

    /** x in [lo, hi] with f(x) = target for f increasing in x; the nearer end if the target is out of range. */
    static double solveIncreasingFn(DoubleUnaryOperator f, double target, double lo, double hi) {
        for (int i = 0; i < 100 && hi - lo > 1e-10; i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < target) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double solveIncreasing(DoubleUnaryOperator f, double target, double lo, double hi) {
        return solveIncreasingFn(f, target, lo, hi);
    }
}
