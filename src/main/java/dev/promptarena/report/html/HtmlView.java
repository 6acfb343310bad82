package dev.promptarena.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.report.CaseFacts;
import dev.promptarena.report.CasePass;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.ReportModel;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.StoredCases;
import dev.promptarena.similarity.SimilaritySummary;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

/**
 * Everything report.html shows, already formatted: the template only places these values, so every
 * number and every SVG coordinate is computed (and testable) in Java.
 *
 * @param title       arena name
 * @param runId       run id
 * @param nameA       variant A's name
 * @param nameB       variant B's name
 * @param banner      the decision
 * @param winBar      win/tie/loss bar and interval
 * @param axes        per-axis rows
 * @param meanTicks   ticks of the means chart
 * @param diffTicks   ticks of the difference chart
 * @param hasAxes     there is at least one axis
 * @param checks      rubric checks (pass rates and McNemar)
 * @param hasChecks   there is at least one check
 * @param similarity  similarity to the references, one formatted sentence, or null
 * @param judgePanel  the judges panel, or null without LLM judges
 * @param order       order-bias panel
 * @param verbosity   verbosity panel
 * @param forest      segment forest plot
 * @param hasSegments there is at least one segment
 * @param guardrails  guardrail rows
 * @param warnings    every warning of the analysis
 * @param hasWarnings there is at least one warning
 * @param provenance  run provenance
 * @param axisNames   axis names (per-case score columns)
 * @param tags        every "key=value" tag, for the filter
 * @param caseCount   outcomes of the run
 * @param casesShown  outcomes embedded in the page (worst first, within {@link CaseData#BUDGET_CHARS})
 * @param casesTrimmed true when some outcomes are only in cases.csv / cases.jsonl
 * @param casesJson   the per-case data, escaped for a script element (see {@link CaseData#scriptSafe})
 * @param axesJson    axis names as script-safe JSON
 * @param humanLabels the human-labels panel, or null without labels (report --labels)
 * @param sequential  the boundary plot of a registered group-sequential design, or null
 */
public record HtmlView(String title, String runId, String nameA, String nameB, BannerView banner, WinBarView winBar,
                       List<AxisRowView> axes, List<Tick> meanTicks, List<Tick> diffTicks, boolean hasAxes, List<CheckRowView> checks,
                       boolean hasChecks, String similarity, JudgePanelView judgePanel, OrderBiasView order,
                       VerbosityView verbosity, ForestView forest, boolean hasSegments, List<GuardrailRow> guardrails,
                       List<String> warnings, boolean hasWarnings, ProvenanceView provenance, List<String> axisNames, List<String> tags,
                       int caseCount, int casesShown, boolean casesTrimmed, String casesJson, String axesJson, HumanLabelsView humanLabels,
                       SequentialView sequential) {

    public static HtmlView of(ReportModel model) {
        return of(model, CasePass.of(model));
    }

    /** The page's view, from the facts of every case the caller already gathered (gathering them is a read of every case). */
    public static HtmlView of(ReportModel model, CasePass.Facts facts) {
        dev.promptarena.report.JudgeErrors judgeErrors = facts.judgeErrors();
        Manifest m = model.manifest();
        AnalysisResult a = model.analysis();
        List<String> axisNames = m.axes() == null ? a.axisNames() : m.axes();
        // A small key per case, worst first (gathered in one read of the cases, CasePass); the page embeds only the
        // worst that fit in its budget, whose records are read again by position.
        List<CaseFacts.Key> keys = facts.keys();
        List<CaseRecord> cases = model.cases();
        // A run's cases read back by position through one open file (StoredCases.positional).
        StoredCases.Positional byPosition = cases instanceof StoredCases stored ? stored.positional() : null;
        List<CaseFacts> ranked = new AbstractList<>() {
            @Override public CaseFacts get(int i) {
                int at = keys.get(i).index();
                return CaseFacts.of(byPosition == null ? cases.get(at) : byPosition.get(at), axisNames);
            }
            @Override public int size() { return keys.size(); }
        };
        Scale diff = AxisRowView.diffScale(a.axes());
        CaseData.Embedded embedded;
        try {
            embedded = CaseData.bounded(ranked, axisNames, CaseData.BUDGET_CHARS);
        } finally {
            if (byPosition != null) byPosition.close();
        }
        return new HtmlView(m.arena(), m.runId(), name(m, "A"), name(m, "B"),
                BannerView.of(a.decision(), m, m.policy() == null ? a.options().alpha() : m.policy().alpha()),
                WinBarView.of(a.winRate(), a.decision().threshold(),
                        String.join(" ", facts.generationErrors().sentence(), judgeErrors.sentence()).strip(),
                        dev.promptarena.report.DecisionInterval.sentence(a)), a.axes().stream().map(x -> AxisRowView.of(x, diff)).toList(),
                AxisRowView.meanTicks(), AxisRowView.diffTicks(diff), !a.axes().isEmpty(),
                a.checks().stream().map(c -> CheckRowView.of(c, a)).toList(), !a.checks().isEmpty(), similarity(a.similarity()),
                JudgePanelView.of(a.judgePanel()), OrderBiasView.of(a.orderBias()),
                VerbosityView.of(a.verbosity(), keys), ForestView.of(a.segments(), a.winRate().winRate()),
                !a.segments().segments().isEmpty(), a.decision().guardrails().stream().map(GuardrailRow::of).toList(), a.warnings(), !a.warnings().isEmpty(),
                ProvenanceView.of(m, a.operations(), a.options(), model.engine()), axisNames, facts.tags(), ranked.size(),
                embedded.shown(), embedded.shown() < ranked.size(), embedded.json(), CaseData.scriptSafe(strings(axisNames)),
                HumanLabelsView.of(model.humanCorrected(), model.humanLabels()), SequentialView.of(a.sequential()));
    }

    private static String similarity(SimilaritySummary s) {
        if (s == null || s.cases() == 0) return null;
        return String.format(Locale.ROOT, "Mean similarity to the reference: A %.3f, B %.3f; B − A %+.3f [%.3f, %.3f] (%.0f%% paired t, p = %s, %d cases).",
                s.meanA(), s.meanB(), s.meanDiff(), s.low(), s.high(), 100 * s.confidence(), Fmt.p(s.pValue()), s.cases());
    }

    private static String name(Manifest m, String key) {
        return m.variants() != null && m.variants().get(key) != null ? m.variants().get(key).name() : key;
    }

    private static String strings(List<String> list) {
        try {
            return new ObjectMapper().writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
