package dev.promptarena.planning;

import java.nio.file.Path;

/**
 * What {@code prompt-arena plan} was asked: the kind of plan and its inputs (null when not given).
 *
 * @param kind     what to plan
 * @param alpha    two-sided significance level
 * @param power    1 - beta
 * @param baseline proportions: the control's rate
 * @param mde      proportions: smallest lift; paired: smallest mean difference
 * @param winRate  winrate: B's expected win rate, ties counting half
 * @param tieRate  winrate/mde: expected share of ties and order-inconsistent verdicts
 * @param margin   winrate/mde: non-inferiority margin; 0 plans a superiority test
 * @param pilot    paired/mde: a finished run folder giving the SD of differences
 * @param axis     paired/mde: the rubric axis to plan for
 * @param sd       paired/mde: SD of the per-case differences, instead of the pilot
 * @param n        mde: cases available (per arm for proportions)
 * @param metric   mde: the metric the minimum detectable effect is for
 * @param tournament tournament: the variants' true scores, position bias and schedule (null for other kinds)
 * @param sequential sequential: the looks and spending functions as typed (null for other kinds)
 */
public record PlanRequest(Kind kind, double alpha, double power, Double baseline, Double mde, Double winRate,
                          double tieRate, double margin, Path pilot, String axis, Double sd, Integer n, Metric metric,
                          Tournament tournament, SequentialOptions sequential) {
    /** A request without tournament or sequential inputs (every other kind). */
    public PlanRequest(Kind kind, double alpha, double power, Double baseline, Double mde, Double winRate, double tieRate,
                       double margin, Path pilot, String axis, Double sd, Integer n, Metric metric) {
        this(kind, alpha, power, baseline, mde, winRate, tieRate, margin, pilot, axis, sd, n, metric, null, null);
    }

    /**
     * Inputs of a tournament plan.
     *
     * @param scores   true Bradley–Terry scores, control first
     * @param position the judge's first-slot advantage (log-odds)
     * @param schedule which pairs each case judges
     */
    public record Tournament(java.util.List<Double> scores, double position, dev.promptarena.stats.tournament.Schedule schedule) {}

    /**
     * The design options of {@code plan sequential}.
     *
     * @param looks    a count of equally spaced looks ("4") or comma-separated fractions ("0.3,0.6,1")
     * @param spending alpha spending
     * @param futility the beta spending of non-binding futility stops, or null for none
     */
    public record SequentialOptions(String looks, dev.promptarena.stats.sequential.Spending spending,
                                    dev.promptarena.stats.sequential.Spending futility) {}

    /** What to plan (lower-case: these are the command's KIND words). */
    public enum Kind { proportions, winrate, paired, mde, tournament, sequential }

    /** The metric an {@code mde} plan is for. */
    public enum Metric { winrate, proportions, paired }
}
