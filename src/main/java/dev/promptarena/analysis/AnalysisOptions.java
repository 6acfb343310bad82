package dev.promptarena.analysis;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.Deviation;
import java.util.List;
import dev.promptarena.stats.ClusterBootstrap;
import java.util.Objects;

/**
 * Settings of one analysis.
 *
 * @param alpha              1 − level of the exploratory intervals and tests (the gate uses {@code policy.alpha()})
 * @param bootstrapSeed      seed of every bootstrap (each bootstrap derives from it, so results are reproducible)
 * @param bootstrapResamples resamples per bootstrap, at least {@link ClusterBootstrap#MIN_RESAMPLES}
 * @param policy             the pre-registered decision policy
 * @param deviations         departures of the run from its pre-registered design (incomplete, interim, changed seed)
 */
public record AnalysisOptions(double alpha, long bootstrapSeed, int bootstrapResamples, DecisionPolicy policy,
                              List<Deviation> deviations) {
    /** Default resamples: 10,000 keeps the Monte Carlo error of a 95% endpoint near 0.002 for a win rate. */
    public static final int DEFAULT_RESAMPLES = 10_000;

    public AnalysisOptions {
        // Same message as the statistics classes' argument check, so a bad alpha reads the same everywhere.
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got: " + alpha);
        Objects.requireNonNull(policy, "policy");
        deviations = List.copyOf(deviations);
        if (bootstrapResamples < ClusterBootstrap.MIN_RESAMPLES) {
            throw new IllegalArgumentException("bootstrapResamples must be >= " + ClusterBootstrap.MIN_RESAMPLES + ", got: " + bootstrapResamples);
        }
    }

    /** Options for a complete run of the pre-registered design. */
    public AnalysisOptions(double alpha, long bootstrapSeed, int bootstrapResamples, DecisionPolicy policy) {
        this(alpha, bootstrapSeed, bootstrapResamples, policy, List.of());
    }

    /** These options with the run's departures from its design. */
    public AnalysisOptions withDeviations(List<Deviation> deviations) {
        return new AnalysisOptions(alpha, bootstrapSeed, bootstrapResamples, policy, deviations);
    }

    /** Options with the policy's alpha, the given seed and {@link #DEFAULT_RESAMPLES}. */
    public static AnalysisOptions of(DecisionPolicy policy, long seed) {
        return new AnalysisOptions(policy.alpha(), seed, DEFAULT_RESAMPLES, policy);
    }
}
