package dev.promptarena.decision;

import dev.promptarena.stats.sequential.SequentialDesign;
import dev.promptarena.stats.sequential.Spending;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-registered sequential design of {@code decision.sequential:} (issue 16), before the number of
 * cases is known. Looks are given either as fractions of the planned cases or as "every k judged cases".
 *
 * @param method     group-sequential boundaries at planned looks, or an anytime-valid confidence sequence
 * @param fractions  look fractions (group_sequential with {@code looks:}), else empty
 * @param everyCases look after every k judged cases (group_sequential with {@code every:}), else 0
 * @param spending   alpha spending (group_sequential)
 * @param futility   beta spending for non-binding futility stops, or null for none
 * @param power      the power the futility boundaries are computed for
 */
public record SequentialSpec(Method method, List<Double> fractions, int everyCases, Spending spending, Spending futility, double power) {
    /** How the run may stop early. */
    public enum Method { GROUP_SEQUENTIAL, ANYTIME }

    public SequentialSpec {
        fractions = List.copyOf(fractions);
        if (method == Method.GROUP_SEQUENTIAL && fractions.isEmpty() == (everyCases <= 0)) {
            throw new IllegalArgumentException("group_sequential needs exactly one of looks (fractions) and every (cases)");
        }
        if (method == Method.ANYTIME && (!fractions.isEmpty() || everyCases > 0 || futility != null)) {
            throw new IllegalArgumentException("anytime looks after every case: looks, every and futility do not apply");
        }
        if (!(power > 0.5 && power < 1)) throw new IllegalArgumentException("power must be in (0.5, 1), got: " + power);
        if (!fractions.isEmpty()) new SequentialDesign(fractions, spending, 0.05, true, futility, 1 - power); // validates the fractions
    }

    /** Look fractions for a run of {@code plannedCases} judged cases; "every k" ends with a look at the last case. */
    public List<Double> fractionsFor(int plannedCases) {
        if (plannedCases < 1) throw new IllegalArgumentException("plannedCases must be >= 1, got: " + plannedCases);
        if (everyCases <= 0) return fractions;
        List<Double> t = new ArrayList<>();
        for (int n = everyCases; n < plannedCases; n += everyCases) t.add((double) n / plannedCases);
        t.add(1.0);
        return t;
    }

    /** The design for a run of {@code plannedCases} at the policy's two-sided alpha. */
    public SequentialDesign design(int plannedCases, double alpha) {
        if (method != Method.GROUP_SEQUENTIAL) throw new IllegalStateException("an anytime design has no looks");
        return new SequentialDesign(fractionsFor(plannedCases), spending, alpha, true, futility, 1 - power);
    }
}
