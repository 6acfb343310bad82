package dev.promptarena.cli;

import dev.promptarena.report.CasePass;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.TerminalSummary;
import dev.promptarena.report.files.Reports;
import dev.promptarena.report.junit.JUnitReport;
import dev.promptarena.calibration.LabelsFile;
import dev.promptarena.input.InputException;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.DryRun;
import dev.promptarena.run.ProvidersTable;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.RunPipeline;
import dev.promptarena.util.IoReason;

/** Turns a finished (or interrupted) run into its reports, the terminal summary and the exit code. */
final class RunOutput {
    private RunOutput() {}

    /** {@code run --dry-run} of a two-variant arena: the resolved providers, then the calls and cost it would make. */
    static int dryRun(Main main, ArenaInputs inputs, RunOptions options) {
        ProvidersTable.Result providers = ProvidersTable.of(inputs.config(), main.env);
        if (!inputs.config().providers().isEmpty()) providers.lines().forEach(main.out::println);
        providers.warnings().forEach(w -> main.err.println("warning: " + w));
        main.out.println(DryRun.estimate(inputs, options).describe());
        BatchNote.of(inputs, options).ifPresent(main.out::println);
        return ExitCode.PASS.code();
    }

    static int finish(RunPipeline.Result result, Main main, LabelsFile labels, java.nio.file.Path junit, java.util.List<java.nio.file.Path> outputs) {
        // The analysis reads no served model: it runs while they are read from the journal (EndedManifest).
        RecordedRun run = new RecordedRun(result.ended().beforeServed(), result.records(), result.engine());
        ReportModel model;
        boolean badLabels = false;
        // The facts of every case the reports need besides the statistics, gathered in the analysis's read of cases.jsonl.
        CasePass pass = CasePass.forRun(run.manifest());
        try {
            model = HumanLabelsGate.model(run, labels, pass, main.err);
        } catch (InputException e) {
            // Checked before the run, yet the labelled cases may have got no scored verdict: report without the labels.
            main.err.println("error: " + e.getMessage() + "; the reports are written without the human-corrected win rate");
            pass = CasePass.forRun(run.manifest());
            model = HumanLabelsGate.model(run, null, pass, main.err);
            badLabels = true;
        }
        model = model.withManifest(result.manifest());
        if (result.storageFailed()) return storageFailure(result, main, model);
        Reports.Written written = Reports.writeAll(result.dir(), model, pass == null ? CasePass.of(model) : pass.facts(model));
        if (junit != null) JUnitReport.write(junit, model);
        for (java.nio.file.Path o : outputs) if (OutputFiles.format(o) == OutputFiles.Format.XML) JUnitReport.write(o, model);
        OutputFiles.copy(result.dir().path(), outputs);
        // The parent's `latest` names this run once its reports are complete (a partial run's too: it is the newest).
        dev.promptarena.run.LatestPointer.update(result.dir().path());
        // Self-preference was warned about on stderr before the run spent anything (RunPipeline); not again here.
        java.util.Set<String> shown = new java.util.HashSet<>();
        if (result.manifest().selfPreference() != null) result.manifest().selfPreference().forEach(s -> shown.add(s.message()));
        TerminalSummary.print(model, result.dir().file("report.html").toString(), written.htmlBytes(), main.out, shown::contains, written.judgeErrors(), written.generationErrors());
        // The same mapping as `report` uses: an incomplete run is INCONCLUSIVE in every file, 130 after Ctrl-C.
        ExitCode code = badLabels ? ExitCode.USAGE_OR_INPUT : ExitCode.of(model);
        if (!badLabels && code == ExitCode.USAGE_OR_INPUT) main.err.println(HumanLabelsGate.refusal(result.dir().path()));
        if (result.partialReason() == null) return code.code();
        main.err.println("Run stopped early (" + result.partialReason() + "); the report is marked partial and decides nothing.");
        boolean budget = result.engine().budgetExhausted();
        main.err.println("Resume with: prompt-arena run --resume " + result.dir().path()
                + (budget ? " --max-cost USD   (a higher cap in US dollars; it replaces the recorded one)" : ""));
        return code.code();
    }

    /** The journal failed (disk full): write the reports the disk still takes, say why in plain words, exit 4. */
    private static int storageFailure(RunPipeline.Result result, Main main, ReportModel model) {
        try {
            Reports.writeAll(result.dir(), model);
        } catch (RuntimeException alsoFull) {
            main.err.println("warning: the partial reports could not be written either: " + IoReason.of(alsoFull));
        }
        main.err.println("error: run stopped: " + result.partialReason() + ". No new call was started after the failed write.");
        main.err.println("Resume with: prompt-arena run --resume " + result.dir().path());
        return ExitCode.RUN_ERROR.code();
    }
}
