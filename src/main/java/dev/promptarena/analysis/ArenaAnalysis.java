package dev.promptarena.analysis;

import dev.promptarena.decision.Decision;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.Deviation;
import dev.promptarena.decision.Gate;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.decision.Guardrails;
import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.AxisAnalysis;
import dev.promptarena.stats.AxisResult;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.CheckSummaries;
import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.ExploratoryFamily;
import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.ClusterBootstrap;
import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.JudgePanelAnalysis;
import dev.promptarena.stats.JudgePanelResult;
import dev.promptarena.stats.JudgedOutcome;
import dev.promptarena.stats.OperationalAnalysis;
import dev.promptarena.stats.OperationalMetrics;
import dev.promptarena.stats.OrderBiasAnalysis;
import dev.promptarena.stats.OrderBiasResult;
import dev.promptarena.stats.SegmentAnalysis;
import dev.promptarena.stats.SegmentResult;
import dev.promptarena.stats.SegmentsResult;
import dev.promptarena.stats.SelfPreference;
import dev.promptarena.stats.VerbosityAnalysis;
import dev.promptarena.stats.VerbosityResult;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.WinRateAnalysis;
import dev.promptarena.stats.WinRateResult;
import dev.promptarena.util.Forked;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis stage's entry point: a pure function from recorded outcomes to an {@link AnalysisResult}
 * holding the statistics and the decision. The run calls it (through {@code RecordedRun.analyze()})
 * for interim looks, at the end of a run and for {@code report}; reports only render its result.
 * Verdicts are combined by {@link VerdictCombiner}; the same inputs and options always give the same
 * result (bootstraps are seeded), so re-running {@code report} on a run directory reproduces every number.
 */
public final class ArenaAnalysis {
    private ArenaAnalysis() {}

    /** Outcomes from which the win-rate bootstrap runs before the axes instead of beside them (bench/README.md, memstats). */
    static final int SEQUENTIAL_FROM = 100_000;

    /**
     * @param outcomes  every recorded outcome of the run
     * @param axisNames rubric axes to compare, in rubric order
     * @param options   alpha, bootstrap settings and the decision policy
     */
    public static AnalysisResult analyze(List<CaseOutcome> outcomes, List<String> axisNames, AnalysisOptions options) {
        return analyze(outcomes, axisNames, options, List.of());
    }

    /**
     * As {@link #analyze(List, List, AnalysisOptions)}, with the judges found to share a model family with a
     * variant (from the run's manifest), which are reported as warnings.
     */
    public static AnalysisResult analyze(List<CaseOutcome> outcomes, List<String> axisNames, AnalysisOptions options,
                                         List<SelfPreference> selfPreference) {
        return analyze(outcomes, axisNames, options, selfPreference, null);
    }

    /**
     * As {@link #analyze(List, List, AnalysisOptions, List)}, with the human-corrected win rate from human labels,
     * computed at the policy's alpha (null without labels). The gate decides on it when the policy's metric is
     * {@link DecisionPolicy.Metric#HUMAN_CORRECTED_WIN_RATE}; without it such a gate gives no interval and refuses.
     */
    public static AnalysisResult analyze(List<CaseOutcome> outcomes, List<String> axisNames, AnalysisOptions options,
                                         List<SelfPreference> selfPreference, CorrectedWinRate humanCorrected) {
        return analyze(outcomes, axisNames, options, selfPreference, humanCorrected, SEQUENTIAL_FROM);
    }

    /**
     * As above, the win-rate bootstrap beside the rest below {@code sequentialFrom} outcomes and before it from there
     * (the same numbers either way; ArenaAnalysisSequentialTest runs both paths on the same outcomes).
     */
    static AnalysisResult analyze(List<CaseOutcome> outcomes, List<String> axisNames, AnalysisOptions options,
                                  List<SelfPreference> selfPreference, CorrectedWinRate humanCorrected, int sequentialFrom) {
        List<JudgedOutcome> judged = JudgedOutcome.of(outcomes);
        double alpha = options.alpha();
        // Separate seeds per bootstrap so adding an axis does not change the win-rate interval.
        boolean beside = judged.size() < sequentialFrom;
        // Side by side the two bootstraps already take both cores: each on its own thread (same numbers, less CPU).
        ClusterBootstrap winBoot = oneThreadIf(beside, new ClusterBootstrap(options.bootstrapSeed(), options.bootstrapResamples()));
        ClusterBootstrap axisBoot = oneThreadIf(beside, new ClusterBootstrap(options.bootstrapSeed() + 1, options.bootstrapResamples()));

        // The win-rate bootstrap is most of the work; it runs beside the axes (pure and seeded: same numbers), then the
        // order-bias and verbosity statistics, so the second core is not idle while this thread finishes the axes and the
        // rest (the two bootstraps take about as long: bench/README.md, ninth session). Past SEQUENTIAL_FROM outcomes it
        // runs first, alone: beside the axes both held their per-case rows at once, the peak of a million-case analysis
        // (issue 21); there the second core saves a smaller share of a longer analysis.
        Forked<Beside> besideAsync = !beside ? null : Forked.start("analysis-win-rate", () -> Beside.of(judged, alpha, winBoot));
        Beside besideAlone = besideAsync != null ? null : Beside.of(judged, alpha, winBoot);
        WinRateResult primaryAtPolicy = options.policy().alpha() == alpha ? null
                : WinRateAnalysis.analyze(judged, options.policy().alpha(), winBoot);
        List<AxisResult> axes = AxisAnalysis.analyze(judged, axisNames, alpha, axisBoot);
        OperationalMetrics ops = OperationalAnalysis.analyze(judged, axes);
        List<CheckSummary> checks = CheckSummaries.summarize(outcomes);
        SimilaritySummary similarity = similarity(outcomes, alpha);
        JudgePanelResult panel = JudgePanelAnalysis.analyze(judged, alpha, selfPreference);
        Beside besideDone = besideAsync == null ? besideAlone : besideAsync.join();
        WinRateResult winRate = besideDone.winRate();
        OrderBiasResult orderRaw = besideDone.order();
        VerbosityResult verbosityRaw = besideDone.verbosity();
        WinRateResult primary = primaryAtPolicy == null ? winRate : primaryAtPolicy;
        if (options.policy().metric() == DecisionPolicy.Metric.LENGTH_CONTROLLED_WIN_RATE) {
            // Pre-registered: gate on the win rate at equal lengths (null when the length model is not estimable).
            VerbosityResult lc = options.policy().alpha() == alpha ? verbosityRaw : VerbosityAnalysis.analyze(judged, options.policy().alpha());
            primary = primary.withPrimary(lc.lengthControlledWinRate(), lc.lengthControlledInterval());
        } else if (options.policy().metric() == DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE) {
            // Pre-registered: gate on the PPI++ estimate and its interval; no labels, no interval, no decision.
            primary = humanCorrected == null ? primary.withPrimary(null, null)
                    : primary.withPrimary(humanCorrected.corrected().estimate(), humanCorrected.corrected().interval());
        }
        SegmentsResult segmentsRaw = SegmentAnalysis.analyze(judged, winRate.winRate(), alpha);
        // One family: order bias, verbosity and segment reversal are warned about only when significant after Holm.
        ExploratoryFamily family = ExploratoryFamily.of(alpha,
                orderRaw.decisiveVotes() > 0 && List.of("randomized", "both").contains(orderRaw.design()) ? orderRaw.firstShareP() : null,
                verbosityRaw.estimable() ? verbosityRaw.slopeP() : null, segmentsRaw.reversalP());
        OrderBiasResult order = orderRaw.inFamily(family.adjusted(0), family.keeps(0));
        // A lone judge's order test is the run's: its label in the judges table follows the same family as the warning.
        if (panel.perJudge().size() == 1) panel = panel.withOnlyJudgeOrder(panel.perJudge().get(0).orderBias().inFamily(family.adjusted(0), family.keeps(0)));
        VerbosityResult verbosity = verbosityRaw.withWarning(VerbosityAnalysis.warning(verbosityRaw, family.adjusted(1), alpha));
        SegmentsResult segments = segmentsRaw.withReversal(family.keeps(2));
        // Its own bootstrap seed, so configuring a latency or length guardrail changes no other interval.
        GuardrailSamples samples = GuardrailSamples.of(judged, axisNames, options.bootstrapSeed() + 2, options.bootstrapResamples());
        Decision decision = decide(options.policy(), primary, ops, checks, similarity, samples, options.deviations());
        List<String> warnings = new ArrayList<>(warnings(winRate, ops, order, verbosity, segments));
        warnings.addAll(panel.warnings());

        return new AnalysisResult(options, axisNames, winRate, axes, order, verbosity, segments, ops, decision, warnings,
                checks, similarity, panel);
    }

    /** What the second thread computes beside the axes: the win rate with its bootstrap, then order bias and verbosity. */
    private record Beside(WinRateResult winRate, OrderBiasResult order, VerbosityResult verbosity) {
        static Beside of(List<JudgedOutcome> judged, double alpha, ClusterBootstrap winBoot) {
            WinRateResult winRate = WinRateAnalysis.analyze(judged, alpha, winBoot);
            return new Beside(winRate, OrderBiasAnalysis.analyze(judged, alpha), VerbosityAnalysis.analyze(judged, alpha));
        }
    }

    private static ClusterBootstrap oneThreadIf(boolean oneThread, ClusterBootstrap b) { return oneThread ? b.onOneThread() : b; }

    /**
     * The decide step: the policy's guardrails on the operational, check and similarity results, then
     * the gate on the primary estimate. Kept apart from the statistics above so a stopping rule or an
     * interim look decides exactly as the final report does.
     */
    public static Decision decide(DecisionPolicy policy, WinRateResult primary, OperationalMetrics ops,
                                  List<CheckSummary> checks, SimilaritySummary similarity, GuardrailSamples samples,
                                  List<Deviation> deviations) {
        List<GuardrailResult> guardrails = Guardrails.evaluate(policy.guardrails(), ops, checks, similarity, samples,
                policy.guardrailLevel());
        return Gate.decide(policy, primary, guardrails, deviations);
    }

    /** The similarity summary at confidence 1 − alpha, or null when no outcome has a similarity. */
    private static SimilaritySummary similarity(List<CaseOutcome> outcomes, double alpha) {
        boolean any = outcomes.stream().anyMatch(o -> o.a().similarity() != null || o.b().similarity() != null);
        return any ? SimilarityStats.summarize(outcomes, 1 - alpha) : null;
    }

    private static List<String> warnings(WinRateResult w, OperationalMetrics ops, OrderBiasResult order, VerbosityResult verbosity,
                                         SegmentsResult segments) {
        List<String> out = new ArrayList<>();
        int judgeErrors = ops.judgeErrorOutcomes();
        if (w.errors() > judgeErrors) {
            out.add((w.errors() - judgeErrors) + " of " + w.outcomes() + " outcomes had a generation error and were left out of the win rate.");
        }
        if (judgeErrors > 0) {
            out.add(judgeErrors + " of " + w.outcomes() + " outcomes had a judge error (every judge call failed after its retries)"
                    + " and were left out of the win rate; they count as errors, not as unparseable.");
        }
        if (w.unparseable() > 0) {
            out.add(w.unparseable() + " of " + w.outcomes() + " outcomes had no parseable judge verdict and were left out of the win rate.");
        }
        if (w.inconsistent() > 0) {
            out.add(w.inconsistent() + " outcomes got different winners in the two presentation orders; they are scored as ties.");
        }
        if (w.bootstrap() != null && !w.bootstrap().bca()) {
            out.add("The win-rate bootstrap used the percentile interval: " + w.bootstrap().note() + ".");
        }
        if (order.warning() != null) out.add(order.warning());
        if (verbosity.warning() != null) out.add(verbosity.warning());
        out.addAll(segments.warnings());
        long small = segments.segments().stream().filter(SegmentResult::tooSmall).count();
        if (small > 0) {
            out.add(small + " segments have fewer than " + segments.minN() + " scored outcomes; their win rates are anecdotes, not evidence.");
        }
        return out;
    }
}
