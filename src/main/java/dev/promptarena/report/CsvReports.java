package dev.promptarena.report;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.Decision;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.stats.AxisResult;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.OrderBiasAnalysis;
import dev.promptarena.stats.OrderBiasResult;
import dev.promptarena.stats.SegmentResult;
import dev.promptarena.stats.VerbosityResult;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.WinRateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes cases.csv, summary.csv, axes.csv, segments.csv and (with rubric checks) checks.csv from the report model (files.Reports calls both halves). */
public final class CsvReports {
    private CsvReports() {}

    /**
     * cases.csv, one row per record {@code pass} hands to the consumer it is given, in case order: the caller decides how
     * the cases are read (report.json's writer reads them anyway, and hands each on: one read of cases.jsonl for both).
     */
    public static void writeCases(RunDirectory dir, ReportModel m, Consumer<Consumer<CaseRecord>> pass) {
        CsvTable.stream(dir, "cases.csv", caseHeader(m), rows -> pass.accept(r -> rows.accept(caseRow(m, r))));
    }

    /** summary.csv, axes.csv, segments.csv and (with rubric checks) checks.csv: no per-case rows. */
    public static void writeSummaries(RunDirectory dir, ReportModel m, JudgeErrors je, GenerationErrors ge) {
        CsvTable summary = summary(m.analysis());
        String role = m.analysis().winRate().role().name().toLowerCase();
        summary.row("judge_errors", je.outcomes(), null, null, null, role, "error outcomes where every judge call failed (in errors, never unparseable)");
        summary.row("judge_failed_calls", je.calls(), null, null, null, role, je.calls() == 0 ? null : je.reasons());
        summary.row("generation_failed_a", ge.failedA(), null, null, null, role, ge.failedA() == 0 ? null : ge.reasonsA());
        summary.row("generation_failed_b", ge.failedB(), null, null, null, role, ge.failedB() == 0 ? null : ge.reasonsB());
        humanCorrected(summary, m.humanCorrected(), m.humanLabels(), m.analysis().options().policy().metric());
        summary.writeTo(dir, "summary.csv");
        axes(m.analysis()).writeTo(dir, "axes.csv");
        segments(m.analysis()).writeTo(dir, "segments.csv");
        if (!m.analysis().checks().isEmpty()) CheckRows.table(m.analysis()).writeTo(dir, "checks.csv");
    }

    private static List<String> caseHeader(ReportModel m) {
        List<String> axes = m.manifest().axes();
        List<String> header = new ArrayList<>(List.of("case_id", "repeat", "tags", "verdict", "b_first", "presented_winners",
                "winners", "output_a", "output_b", "words_a", "words_b", "latency_a_ms", "latency_b_ms", "output_tokens_a",
                "output_tokens_b", "cost_a_usd", "cost_b_usd", "judge_cost_usd", "error_a", "error_b", "truncated_a", "truncated_b",
                "judge_status", "repaired", "judges", "judge_truncated", "judge_reason"));
        for (String a : axes) { header.add("score_a." + a); header.add("score_b." + a); }
        header.addAll(CheckRows.caseHeader(m.analysis()));
        return header;
    }

    private static Object[] caseRow(ReportModel m, CaseRecord r) {
        List<String> axes = m.manifest().axes();
        List<Object> row = new ArrayList<>(List.of(r.caseId(), r.repeat(), tags(r.tags()), VerdictCombiner.combine(r.outcome()).name(),
                join(r.traces(), x -> String.valueOf(x.bFirst())), join(r.traces(), JudgeTrace::presentedWinner),
                join(r.traces(), x -> x.winner().name()), r.a().output(), r.b().output(), r.a().words(), r.b().words(),
                r.a().latencyMillis(), r.b().latencyMillis(), r.a().outputTokens(), r.b().outputTokens(), r.a().costUsd(),
                r.b().costUsd(), r.judgeCostUsd(), errorText(r.a().error(), r.a().errorMessage()), errorText(r.b().error(), r.b().errorMessage()),
                r.a().truncated(), r.b().truncated(), join(r.traces(), x -> x.status().wire()), join(r.traces(), x -> String.valueOf(x.repaired())),
                join(r.traces(), JudgeTrace::judge), join(r.traces(), x -> String.valueOf(x.truncated())),
                join(r.traces(), x -> x.error() != null ? x.error() : x.reason())));
        for (String a : axes) {
            row.add(mean(r.traces(), x -> x.scoresA().get(a)));
            row.add(mean(r.traces(), x -> x.scoresB().get(a)));
        }
        row.addAll(CheckRows.caseCells(m.analysis(), r));
        return row.toArray();
    }

    /**
     * Rows for {@code report --labels}: the three estimates side by side; exploratory, except the corrected one when the
     * gate was pre-registered on it ({@code decision.metric: human_corrected_win_rate}).
     */
    static void humanCorrected(CsvTable t, dev.promptarena.stats.CorrectedWinRate h, LabelsProvenance source, DecisionPolicy.Metric metric) {
        if (h == null) return;
        String note = h.labels() + " labels of " + h.cases() + " cases; lambda " + h.lambda() + "; effective labels "
                + (Double.isNaN(h.effectiveLabels()) ? "n/a" : Math.round(h.effectiveLabels()))
                + (source == null ? "" : "; " + source.describe());
        t.row("win_rate_b_judge_only", h.judgeOnly().estimate(), lo(h.judgeOnly().interval()), hi(h.judgeOnly().interval()),
                method(h.judgeOnly().interval()), "exploratory", null);
        t.row("win_rate_b_human_only", h.humanOnly().estimate(), lo(h.humanOnly().interval()), hi(h.humanOnly().interval()),
                method(h.humanOnly().interval()), "exploratory", null);
        t.row("win_rate_b_human_corrected", h.corrected().estimate(), lo(h.corrected().interval()), hi(h.corrected().interval()),
                method(h.corrected().interval()), metric == DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE ? "primary" : "exploratory", note);
    }

    static CsvTable summary(AnalysisResult a) {
        CsvTable t = new CsvTable("metric", "value", "lower", "upper", "method", "role", "note");
        WinRateResult w = a.winRate();
        String primary = w.role().name().toLowerCase();
        t.row("decision", a.decision().outcome().name(), null, null, a.decision().test().name().toLowerCase(), primary,
                String.join(" ", a.decision().reasons()));
        // B's win rate as the gate, the terminal and every other report state it: the estimate its interval is around (the
        // mean of both presentation orders when position-adjusted; the raw rate, which can lie outside that interval when
        // the orders' counts differ, is in the note and in win_rate_b_wilson).
        t.row("win_rate_b", w.estimate(), lo(w.gateInterval()), hi(w.gateInterval()), method(w.gateInterval()), primary, "ties count half; n = "
                + w.scored() + (w.winRate() != null && w.estimate() != null && Math.abs(w.winRate() - w.estimate()) > 1e-9 ? "; mean of both presentation orders (raw " + Fmt.num(w.winRate(), 4) + ")" : ""));
        t.row("win_rate_b_wilson", w.winRate(), lo(w.wilson()), hi(w.wilson()), method(w.wilson()), primary, "conservative with ties");
        DecisionPolicy.Metric metric = a.options().policy().metric();
        if (metric == DecisionPolicy.Metric.WIN_RATE) {
            t.row("primary_estimate_b", w.estimate(), lo(w.gateInterval()), hi(w.gateInterval()), method(w.gateInterval()), primary,
                    w.positionAdjusted() ? "mean of B's win rate when shown first and when shown second" : "ties count half");
        } else {
            // Pre-registered on another metric: the estimate the gate decided on, not the judge's win rate (win_rate_b).
            Decision d = a.decision();
            t.row("primary_estimate_b", d.winRate(), lo(d.interval()), hi(d.interval()), method(d.interval()), primary,
                    "decision.metric " + metric.name().toLowerCase() + "; the gate's estimate (win_rate_b is the judge's win rate)");
        }
        if (w.bootstrap() != null) {
            t.row("win_rate_b_bootstrap", w.bootstrap().estimate(), lo(w.bootstrap().interval()), hi(w.bootstrap().interval()),
                    method(w.bootstrap().interval()), primary, w.bootstrap().resamples() + " resamples over " + w.bootstrap().clusters() + " cases, seed " + w.bootstrap().seed());
        }
        t.row("strict_win_rate_b", w.strictWinRate(), null, null, null, primary, "ties count as not won");
        t.row("decisive_win_rate_b", w.decisiveWinRate(), null, null, null, primary, "ties left out");
        t.row("sign_test_p", w.signTestP(), null, null, "exact binomial, two-sided", primary, "wins vs losses");
        for (Object[] c : new Object[][] {{"outcomes", w.outcomes()}, {"scored", w.scored()}, {"wins_b", w.wins()}, {"losses_b", w.losses()},
                {"ties", w.ties()}, {"inconsistent", w.inconsistent()}, {"unparseable", w.unparseable()}, {"errors", w.errors()}}) {
            t.row(c[0], c[1], null, null, null, primary, null);
        }
        OrderBiasResult o = a.orderBias();
        String expl = o.role().name().toLowerCase();
        if (OrderBiasAnalysis.NOT_APPLICABLE.equals(o.design())) {
            t.row("first_slot_share", null, null, null, null, expl, "not applicable: the reference judge is shown no order");
        } else {
            t.row("first_slot_share", o.firstShare(), lo(o.firstShareInterval()), hi(o.firstShareInterval()), method(o.firstShareInterval()), expl,
                    "binomial p = " + o.firstShareP() + (o.firstSharePAdjusted() == null ? ""
                            : ", Holm-adjusted over the run's exploratory checks " + o.firstSharePAdjusted()) + (o.significant() ? " (significant)" : ""));
        }
        t.row("win_rate_b_when_first", o.winRateBFirst(), null, null, null, expl, o.votesBFirst() + " votes");
        t.row("win_rate_b_when_second", o.winRateBSecond(), null, null, null, expl, o.votesBSecond() + " votes");
        if (o.pairs() > 0) {
            t.row("position_consistency", o.positionConsistency(), null, null, null, expl, o.pairs() + " pairs judged in both orders");
            t.row("flip_rate", o.flipRate(), null, null, null, expl, null);
            t.row("preference_fairness", o.preferenceFairness(), null, null, null, expl, "0 is fair; +1 always favours the first slot");
        }
        VerbosityResult v = a.verbosity();
        t.row("longer_answer_won", v.lengthDecided() == 0 ? null : v.longerWon() / (double) v.lengthDecided(), null, null, null,
                v.role().name().toLowerCase(), v.longerWon() + " of " + v.lengthDecided() + " decisive verdicts with different lengths"
                        + (v.followsLength() ? "; the verdict follows length" : ""));
        if (v.estimable()) {
            t.row("verbosity_slope", v.slope(), lo(v.slopeInterval()), hi(v.slopeInterval()), method(v.slopeInterval()),
                    v.role().name().toLowerCase(), "log-odds per unit of tanh(length difference / " + v.lengthScaleWords() + " words); p = " + v.slopeP());
            t.row("length_controlled_win_rate_b", v.lengthControlledWinRate(), lo(v.lengthControlledInterval()), hi(v.lengthControlledInterval()),
                    method(v.lengthControlledInterval()),
                    metric == DecisionPolicy.Metric.LENGTH_CONTROLLED_WIN_RATE ? "primary" : v.role().name().toLowerCase(), null);
        }
        CheckRows.summary(t, a);
        if (a.judgePanel() != null) JudgePanelRows.add(t, a.judgePanel());
        for (GuardrailResult g : a.decision().guardrails()) {
            t.row("guardrail." + g.metric(), g.observed(), null, g.limit(), g.breached() ? "BREACHED" : "ok", g.role().name().toLowerCase(), g.detail());
            if (g.bound() != null) {
                // Its own row (the guardrail row's columns are taken): value = the bound the decision used.
                t.row("guardrail." + g.metric() + ".bound", g.bound(), null, g.limit(),
                        String.format(java.util.Locale.ROOT, "%.4g one-sided", g.level()), g.role().name().toLowerCase(),
                        g.mode().name().toLowerCase() + ": " + (g.mode() == dev.promptarena.decision.GuardrailSpec.Mode.HARM_PROVEN
                                ? "lower bound; breached when above the limit" : "upper bound; breached unless at or below the limit"));
            }
        }
        return t;
    }

    static CsvTable axes(AnalysisResult a) {
        CsvTable t = new CsvTable("axis", "cases", "mean_a", "mean_b", "mean_difference", "lower", "upper", "interval_method",
                "wilcoxon_p", "effect_size_rank_biserial", "p_holm", "p_bh", "p_bonferroni", "role");
        for (AxisResult x : a.axes()) {
            t.row(x.axis(), x.cases(), x.meanA(), x.meanB(), x.meanDifference(), x.difference() == null ? null : lo(x.difference().interval()),
                    x.difference() == null ? null : hi(x.difference().interval()), x.difference() == null ? null : method(x.difference().interval()),
                    x.wilcoxon() == null ? null : x.wilcoxon().p(), x.wilcoxon() == null ? null : x.wilcoxon().rankBiserial(),
                    x.pHolm(), x.pBenjaminiHochberg(), x.pBonferroni(), x.role().name().toLowerCase());
        }
        return t;
    }

    static CsvTable segments(AnalysisResult a) {
        CsvTable t = new CsvTable("tag", "value", "outcomes", "scored", "wins_b", "losses_b", "ties", "win_rate_b", "lower", "upper",
                "sign_test_p", "p_bh", "too_small");
        for (SegmentResult s : a.segments().segments()) {
            t.row(s.key(), s.value(), s.outcomes(), s.scored(), s.wins(), s.losses(), s.ties(), s.winRate(), lo(s.wilson()), hi(s.wilson()),
                    s.p(), s.pBenjaminiHochberg(), s.tooSmall());
        }
        return t;
    }

    private static Double lo(Interval i) { return i == null ? null : i.lower(); }
    private static Double hi(Interval i) { return i == null ? null : i.upper(); }
    private static String method(Interval i) { return i == null ? null : i.method(); }

    private static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String join(List<JudgeTrace> traces, Function<JudgeTrace, String> f) {
        return traces.stream().map(f).collect(Collectors.joining("|"));
    }

    private static String errorText(boolean error, String message) { return error ? (message == null ? "error" : message) : ""; }

    private static Double mean(List<JudgeTrace> traces, Function<JudgeTrace, Integer> score) {
        OptionalDouble m = traces.stream().map(score).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).average();
        return m.isPresent() ? m.getAsDouble() : null;
    }
}
