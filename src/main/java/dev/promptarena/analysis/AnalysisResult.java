package dev.promptarena.analysis;

import dev.promptarena.decision.Decision;
import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.AxisResult;
import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.JudgePanelResult;
import dev.promptarena.stats.McNemar;
import dev.promptarena.stats.OperationalMetrics;
import dev.promptarena.stats.OrderBiasResult;
import dev.promptarena.stats.SegmentsResult;
import dev.promptarena.stats.VerbosityResult;
import dev.promptarena.stats.WinRateResult;
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
 * @param checks     rubric checks, A vs B with McNemar (empty when the rubric has none); exploratory
 *                   unless a {@code check_pass_drop_max} guardrail names the check
 * @param similarity similarity to the references, A vs B (null when not computed); exploratory unless
 *                   a {@code similarity_drop_max} guardrail is set
 * @param judgePanel exploratory: each judge alone, inter-judge agreement, stability, truncation, self-preference
 */
public record AnalysisResult(AnalysisOptions options, List<String> axisNames, WinRateResult winRate, List<AxisResult> axes,
                             OrderBiasResult orderBias, VerbosityResult verbosity, SegmentsResult segments,
                             OperationalMetrics operations, Decision decision, List<String> warnings,
                             List<CheckSummary> checks, SimilaritySummary similarity, JudgePanelResult judgePanel) {
    public AnalysisResult {
        checks = checks == null ? List.of() : List.copyOf(checks);
        axisNames = List.copyOf(axisNames);
        axes = List.copyOf(axes);
        warnings = List.copyOf(warnings);
    }

    /** A result without rubric checks or similarity, as before checks existed. */
    public AnalysisResult(AnalysisOptions options, List<String> axisNames, WinRateResult winRate, List<AxisResult> axes,
                          OrderBiasResult orderBias, VerbosityResult verbosity, SegmentsResult segments,
                          OperationalMetrics operations, Decision decision, List<String> warnings) {
        this(options, axisNames, winRate, axes, orderBias, verbosity, segments, operations, decision, warnings, List.of(), null);
    }

    /** A result without the judge panel section (analyses that do not look at the judges). */
    public AnalysisResult(AnalysisOptions options, List<String> axisNames, WinRateResult winRate, List<AxisResult> axes,
                          OrderBiasResult orderBias, VerbosityResult verbosity, SegmentsResult segments,
                          OperationalMetrics operations, Decision decision, List<String> warnings,
                          List<CheckSummary> checks, SimilaritySummary similarity) {
        this(options, axisNames, winRate, axes, orderBias, verbosity, segments, operations, decision, warnings, checks, similarity, null);
    }
}
