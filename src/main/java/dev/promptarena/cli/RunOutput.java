package dev.promptarena.cli;

import dev.promptarena.report.ReportModel;
import dev.promptarena.report.TerminalSummary;
import dev.promptarena.report.files.Reports;
import dev.promptarena.report.junit.JUnitReport;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.RunPipeline;

/** Turns a finished (or interrupted) run into its reports, the terminal summary and the exit code. */
final class RunOutput {
    private RunOutput() {}

    static int finish(RunPipeline.Result result, Main main, ArenaInputs inputs, java.nio.file.Path junit) {
        RecordedRun run = new RecordedRun(result.manifest(), result.records(), result.engine());
        ReportModel model = ReportModel.of(run, run.analyze());
        Reports.Written written = Reports.writeAll(result.dir(), model);
        if (junit != null) JUnitReport.write(junit, model);
        TerminalSummary.print(model, result.dir().file("report.html").toString(), written.htmlBytes(), main.out);
        // The same mapping as `report` uses: an incomplete run is INCONCLUSIVE in every file, 130 after Ctrl-C.
        ExitCode code = ExitCode.of(model);
        if (result.partialReason() == null) return code.code();
        main.err.println("Run stopped early (" + result.partialReason() + "); the report is marked partial and decides nothing.");
        main.err.println("Resume with: prompt-arena run --resume " + result.dir().path());
        return code.code();
    }
}
