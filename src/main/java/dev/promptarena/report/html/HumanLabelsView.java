package dev.promptarena.report.html;

import dev.promptarena.report.Fmt;
import dev.promptarena.report.LabelsProvenance;
import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.MeanEstimate;
import java.util.List;
import java.util.Locale;

/**
 * The report page's "Human labels" panel: judge-only, human-only and human-corrected win rates side by side
 * ({@code report --labels}), so a reader sees how far the labels moved the judge's answer.
 */
public record HumanLabelsView(String summary, List<Row> rows) {
    /** One estimate. */
    public record Row(String name, String value, String interval, boolean primary) {}

    /** Null (no panel) without labels. */
    public static HumanLabelsView of(CorrectedWinRate w, LabelsProvenance source) {
        if (w == null) return null;
        String summary = String.format(Locale.ROOT, "%d labelled of %d judged cases (%s); judge weight λ = %.2f; the corrected "
                        + "estimate is worth %s human labels alone.", w.labels(), w.cases(),
                w.design() == CorrectedWinRate.Design.KNOWN_PROBABILITIES ? "label sheet, known probabilities" : "labels taken as a random subset",
                w.lambda(), Double.isNaN(w.effectiveLabels()) ? "n/a" : String.format(Locale.ROOT, "%.0f", w.effectiveLabels()))
                + (source == null ? "" : " From " + source.describe() + ".");
        return new HumanLabelsView(summary, List.of(row("Judge only", w.judgeOnly(), false), row("Human only", w.humanOnly(), false),
                row("Human-corrected", w.corrected(), true)));
    }

    private static Row row(String name, MeanEstimate e, boolean primary) {
        return new Row(name, Fmt.pct(e.estimate()), Fmt.pctInterval(e.interval()), primary);
    }
}
