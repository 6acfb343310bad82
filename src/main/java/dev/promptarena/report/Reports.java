package dev.promptarena.report;

import dev.promptarena.run.RunDirectory;

/** Writes every report of a run folder from its {@link ReportModel}. */
public final class Reports {
    private Reports() {}

    public static void writeAll(RunDirectory dir, ReportModel model) {
        dir.writeJson("report.json", model);
        CsvReports.write(dir, model);
    }
}
