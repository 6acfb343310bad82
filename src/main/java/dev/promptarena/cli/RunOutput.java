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

    static int finish(RunPipeline.Result result, Main main, ArenaInputs inputs, java.nio.file.Path junit, java.util.List<java.nio.file.Path> outputs) {
        RecordedRun run = new RecordedRun(result.manifest(), result.records(), result.engine());
        ReportModel model = ReportModel.of(run, run.analyze());
        Reports.Written written = Reports.writeAll(result.dir(), model);
        if (junit != null) JUnitReport.write(junit, model);
        for (java.nio.file.Path o : outputs) if (OutputFiles.format(o) == OutputFiles.Format.XML) JUnitReport.write(o, model);
        OutputFiles.copy(result.dir().path(), outputs);
        // The parent's `latest` names this run once its reports are complete (a partial run's too: it is the newest).
        dev.promptarena.run.LatestPointer.update(result.dir().path());
        // Self-preference was warned about on stderr before the run spent anything (RunPipeline); not again here.
        java.util.Set<String> shown = new java.util.HashSet<>();
        if (result.manifest().selfPreference() != null) result.manifest().selfPreference().forEach(s -> shown.add(s.message()));
        TerminalSummary.print(model, result.dir().file("report.html").toString(), written.htmlBytes(), main.out, shown::contains);
        ExitCode gate = ExitCode.of(model.analysis().decision().outcome());
        if (result.partialReason() == null) return gate.code();
        main.err.println("Run stopped early (" + result.partialReason() + "); the report is marked partial.");
        main.err.println("Resume with: prompt-arena run --resume " + result.dir().path());
        if (result.partialReason().startsWith("interrupted")) return ExitCode.INTERRUPTED.code();
        // Stopped by the budget: a pass on fewer cases than planned is not the pre-registered test.
        return gate == ExitCode.PASS ? ExitCode.INCONCLUSIVE.code() : gate.code();
    }
}
