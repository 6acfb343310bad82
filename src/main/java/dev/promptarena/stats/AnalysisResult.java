package dev.promptarena.stats;

import dev.promptarena.decision.Decision;
import java.util.List;

/**
 * Everything the analysis found, as plain records (the JSON report is this tree serialized by Jackson).
 * Primary results decide the gate; exploratory ones (axes, segments, bias diagnostics) are for reading.
 *
 * @param options    the settings used
 * @param axisNames  the rubric axes analysed, in rubric order
 * @param winRate    primary: B's win rate
 * @param axes       exploratory: one entry per axis
 * @param orderBias  exploratory: position-bias diagnostics
 * @param verbosity  exploratory: length-bias diagnostics
 * @param segments   exploratory: per-tag win rates and Simpson's-paradox checks
 * @param operations primary (guardrail inputs): errors, unparseable votes, latency, cost, length, truncation
 * @param decision   the gate's decision with guardrail results and reasons
 * @param warnings   plain sentences collected from all of the above
 * @param judgePanel exploratory: each judge alone, inter-judge agreement, stability, truncation, self-preference
 */
public record AnalysisResult(AnalysisOptions options, List<String> axisNames, WinRateResult winRate, List<AxisResult> axes,
                             OrderBiasResult orderBias, VerbosityResult verbosity, SegmentsResult segments,
                             OperationalMetrics operations, Decision decision, List<String> warnings,
                             JudgePanelResult judgePanel) {
    public AnalysisResult {
        axisNames = List.copyOf(axisNames);
        axes = List.copyOf(axes);
        warnings = List.copyOf(warnings);
    }
}
