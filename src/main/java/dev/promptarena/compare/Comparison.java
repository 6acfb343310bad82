package dev.promptarena.compare;

import dev.promptarena.stats.MeanDifference;
import java.util.List;

/**
 * The result differences between two runs of an arena (second minus first). Serialised as compare.json.
 *
 * @param first              run id of the earlier run
 * @param second             run id of the later run
 * @param paired             cases were paired by id (else the runs share fewer than two cases and are compared unpaired)
 * @param sharedCases        case ids scored in both runs
 * @param onlyFirst          case ids only the first run has
 * @param onlySecond         case ids only the second run has
 * @param winRateFirst       B's tie-half win rate over the compared cases, first run
 * @param winRateSecond      the same, second run
 * @param winRate            the difference with its interval (paired t over per-case scores, or Welch)
 * @param axes               per-axis change of B - A, Holm-adjusted across axes (exploratory)
 * @param flips              shared cases whose result went from win to loss or from loss to win
 * @param checks             per check and variant: pass rates and the cases that newly fail
 * @param operations         cost, latency, length and failure-rate figures of both runs
 * @param judgingDifferences how the two runs were judged differently (their results are then not comparable)
 * @param regression         the pre-registered rule fired (see docs/compare.md)
 * @param reasons            why the exit code is what it is, one sentence each
 */
public record Comparison(String first, String second, String arena, boolean paired, int sharedCases, int onlyFirst, int onlySecond,
                         double alpha, double winRateFirst, double winRateSecond, MeanDifference winRate, List<AxisDelta> axes,
                         List<Flip> flips, List<CheckChange> checks, List<MetricDelta> operations, List<String> judgingDifferences,
                         boolean regression, List<String> reasons) {
    /** Change of the mean B - A score on one axis. */
    public record AxisDelta(String axis, MeanDifference delta, Double pHolm) {}

    /** A case whose result (from B's side) changed between win and loss. */
    public record Flip(String caseId, String from, String to) {}

    /** One check on one variant: pass rates over the shared cases and the cases that passed before and fail now. */
    public record CheckChange(String variant, String check, double passRateFirst, double passRateSecond, List<String> newlyFailing) {}

    /** One operational figure in both runs; delta = second - first (null when either is missing). */
    public record MetricDelta(String name, Double first, Double second, Double delta) {}

    /** The exit status the regression rule and the judging check give. */
    public boolean comparableAndNoRegression() { return !regression && judgingDifferences.isEmpty(); }
}
