package dev.promptarena.report.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.promptarena.report.CasePass;
import dev.promptarena.report.CsvReports;
import dev.promptarena.report.GenerationErrors;
import dev.promptarena.report.JudgeErrors;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.html.HtmlReport;
import dev.promptarena.report.markdown.MarkdownSummary;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.run.StoredCases;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.util.Forked;
import dev.promptarena.util.Relay;

/** Writes every report of a run folder from its {@link ReportModel}. */
public final class Reports {
    /**
     * report.json's writer: the run folder's mapper (sorted map keys, so {@code prompt-arena report} regenerates
     * the file byte for byte), streaming into the file rather than building a string first (14 MB at 10,000
     * cases); the file's own writer is closed by {@link RunDirectory#writeAtomically}.
     */
    private static final ObjectWriter REPORT_JSON = RunDirectory.JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Reports() {}

    /**
     * What was written.
     *
     * @param htmlBytes   size of report.html
     * @param judgeErrors the judge errors every report names, for the terminal summary (counted once: it is a pass
     *                    over every case, and four reports each counting them read cases.jsonl four times)
     * @param generationErrors the failed generations every report names, counted in the same pass
     */
    public record Written(long htmlBytes, JudgeErrors judgeErrors, GenerationErrors generationErrors) {}

    /** Writes every report, gathering the facts of every case first ({@link CasePass#of}: one read of the cases). */
    public static Written writeAll(RunDirectory dir, ReportModel model) {
        return writeAll(dir, model, CasePass.of(model));
    }

    /**
     * Writes report.json, the CSVs, summary.md and report.html, from the facts of every case the caller gathered (a run
     * and {@code report} gather them in the analysis's read of cases.jsonl). The HTML page, the largest, is rendered on a
     * second thread meanwhile: the model is immutable and every file has its own temporary name. report.json and
     * cases.csv need every record in full: cases.csv takes each as report.json's writer reads it, so cases.jsonl is read
     * and parsed once for both (bench/README.md, sixth session), and writes its rows on a third thread.
     */
    public static Written writeAll(RunDirectory dir, ReportModel model, CasePass.Facts facts) {
        Forked<Long> html = Forked.start("report-html", () -> new HtmlReport().write(dir, model, facts));
        if (model.cases() instanceof StoredCases stored) {
            // cases.csv's rows formed and written on another core from the records report.json's writer parses, handed
            // over in order (Relay: same bytes whatever the threads' timing; bench/README.md, eighth session).
            Relay.<CaseRecord>run("report-cases-csv", each -> CsvReports.writeCases(dir, model, each),
                    relay -> writeJson(dir, model.withCases(stored.tapped(relay))));
        } else {
            writeJson(dir, model);
            CsvReports.writeCases(dir, model, row -> model.cases().forEach(row));
        }
        CsvReports.writeSummaries(dir, model, facts.judgeErrors(), facts.generationErrors());
        dir.writeText(MarkdownSummary.FILE, MarkdownSummary.render(model, facts));
        return new Written(html.join(), facts.judgeErrors(), facts.generationErrors());
    }

    private static void writeJson(RunDirectory dir, ReportModel model) {
        dir.writeAtomically("report.json", w -> {
            REPORT_JSON.writeValue(w, model);
            w.write('\n');
        });
    }
}
