package dev.promptarena.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.promptarena.report.html.HtmlReport;
import dev.promptarena.report.markdown.MarkdownSummary;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.util.Forked;

/** Writes every report of a run folder from its {@link ReportModel}. */
public final class Reports {
    /**
     * report.json's writer: the run folder's mapper plus sorted map keys, because tags and scores
     * live in immutable maps whose iteration order changes from one JVM to the next, and
     * {@code prompt-arena report} must regenerate the file byte for byte.
     */
    private static final ObjectMapper REPORT_JSON = RunDirectory.JSON.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Reports() {}

    /**
     * What was written.
     *
     * @param htmlBytes size of report.html
     */
    public record Written(long htmlBytes) {}

    /**
     * Writes report.json, the CSVs, summary.md and report.html. The HTML page, the largest, is rendered on
     * a second thread meanwhile: the model is immutable and every file has its own temporary name.
     */
    public static Written writeAll(RunDirectory dir, ReportModel model) {
        Forked<Long> html = Forked.start("report-html", () -> new HtmlReport().write(dir, model));
        dir.writeAtomically("report.json", w -> w.write(REPORT_JSON.writeValueAsString(model) + "\n"));
        CsvReports.write(dir, model);
        dir.writeText(MarkdownSummary.FILE, MarkdownSummary.render(model));
        return new Written(html.join());
    }
}
