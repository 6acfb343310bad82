package dev.promptarena.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.promptarena.stats.sequential.Boundaries;
import dev.promptarena.stats.sequential.GroupSequential;

/**
 * What a run registers in manifest.json before its first call when {@code decision.sequential:} is set
 * (issue 16): the boundaries computed for the run's number of cases, and the seed of the random case order.
 * {@code report} and a resumed run replay the looks from these numbers, never recomputing them.
 *
 * @param method       group_sequential or anytime
 * @param plannedCases (case, repeat) positions the design is planned for
 * @param orderSeed    seed of the random case order (the judge seed)
 * @param boundaries   the computed boundaries (null for the anytime method)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequentialRegistration(SequentialSpec.Method method, int plannedCases, long orderSeed, Boundaries boundaries) {
    public SequentialRegistration {
        if (plannedCases < 1) throw new IllegalArgumentException("plannedCases must be >= 1, got: " + plannedCases);
        if ((method == SequentialSpec.Method.GROUP_SEQUENTIAL) != (boundaries != null)) {
            throw new IllegalArgumentException("boundaries are required for group_sequential and absent for anytime");
        }
    }

    /** Computes the registration of {@code policy}'s design for a run of {@code plannedCases} positions. */
    public static SequentialRegistration of(DecisionPolicy policy, int plannedCases, long orderSeed) {
        SequentialSpec spec = policy.sequential();
        Boundaries b = spec.method() == SequentialSpec.Method.ANYTIME ? null
                : GroupSequential.compute(spec.design(plannedCases, policy.alpha()));
        return new SequentialRegistration(spec.method(), plannedCases, orderSeed, b);
    }
}
