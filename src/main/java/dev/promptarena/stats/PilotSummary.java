package dev.promptarena.stats;

import java.util.List;

/**
 * What a pilot run says about one axis's paired differences (B − A per case), the input of a
 * continuous-metric sample-size plan. Per-case scores are formed as in {@link AxisAnalysis}.
 *
 * @param axis           the axis
 * @param cases          cases with scores on it for both variants
 * @param meanDifference mean of the per-case differences
 * @param sdDifference   sample standard deviation (n − 1) of the per-case differences
 */
public record PilotSummary(String axis, int cases, double meanDifference, double sdDifference) {

    /**
     * @throws IllegalArgumentException when fewer than 2 cases scored the axis
     */
    public static PilotSummary of(List<CaseOutcome> outcomes, String axis) {
        double[] d = AxisAnalysis.casePairs(JudgedOutcome.of(outcomes), axis).difference();
        int n = d.length;
        if (n < 2) throw new IllegalArgumentException("axis '" + axis + "' has " + n + " scored cases in the pilot; need at least 2");
        double mean = 0;
        for (double x : d) mean += x / n;
        double ss = 0;
        for (double x : d) ss += (x - mean) * (x - mean);
        return new PilotSummary(axis, n, mean, Math.sqrt(ss / (n - 1)));
    }

    /** Axis names that appear in any parseable vote, sorted. */
    public static List<String> axes(List<CaseOutcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.votes().stream()).filter(v -> v.winner() != Winner.UNPARSEABLE)
                .flatMap(v -> v.scoresB().keySet().stream()).distinct().sorted().toList();
    }
}
