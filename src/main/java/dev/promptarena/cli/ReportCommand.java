package dev.promptarena.cli;

import dev.promptarena.calibration.LabelsFile;
import dev.promptarena.calibration.SheetIds;
import dev.promptarena.report.CasePass;
import dev.promptarena.report.CsvTable;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.TerminalSummary;
import dev.promptarena.report.files.Reports;
import dev.promptarena.report.junit.JUnitReport;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena report <run-dir>}: regenerates every report from a finished run, calling no provider. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate all reports of a run folder from what it recorded (no provider is called). Exits with the gate's code.")
public final class ReportCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. reports/20261123-101500-support-bot.")
    Path runDir;

    @Option(names = {"-q", "--quiet"}, description = "Print only the decision line (the reports are written as usual).")
    boolean quiet;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (the gate and each guardrail as a test case) to FILE.")
    Path junit;

    @Option(names = "--labels", paramLabel = "CSV", description = {"Human labels: a filled 'label' sheet or case_id,label. Adds the judge-only,",
            "human-only and human-corrected win rates to every report; the gate decides on the corrected one",
            "when decision.metric is human_corrected_win_rate (without labels it refuses: exit 2)."})
    Path labels;

    @Override
    public Integer call() {
        if (junit != null) OutputFiles.requireFileTarget(junit, "--junit"); // before the reports are rewritten, not after (exit 4)
        if (!Files.isDirectory(runDir)) {
            main.err.println("error: " + runDir + ": not a folder");
            return ExitCode.USAGE_OR_INPUT.code();
        }
        RunDirectory dir = RunDirectory.open(runDir);
        if (dev.promptarena.run.TournamentFolder.isTournament(dir)) {
            // Refused as run and merge refuse it, before any report is rewritten: the labels were silently ignored (exit 0).
            if (labels != null) {
                throw new dev.promptarena.input.InputException(labels, "--labels: human-corrected estimates are not computed for a tournament yet; "
                        + PairingFolders.instead(runDir, "report"));
            }
            return TournamentOutput.report(dir, main.out, junit);
        }
        // Every line of cases.jsonl is checked as the analysis reads it, before any report is written.
        RecordedRun run = RecordedRun.readForAnalysis(dir);
        // The facts of every case the reports need besides the statistics, gathered in the analysis's read of cases.jsonl.
        CasePass pass = CasePass.forRun(run.manifest());
        ReportModel model = HumanLabelsGate.model(run, labels == null ? null : LabelsFile.read(labels, run.manifest().runId(),
                SheetIds.of(run.cases().stream().map(CaseRecord::caseId), CsvTable::safe)), pass, main.err);
        Reports.Written written = Reports.writeAll(dir, model, pass == null ? CasePass.of(model) : pass.facts(model));
        if (junit != null) JUnitReport.write(junit, model);
        if (quiet) main.out.println("DECISION: " + model.analysis().decision().outcome());
        else TerminalSummary.print(model, dir.file("report.html").toString(), written.htmlBytes(), main.out, w -> false, written.judgeErrors(), written.generationErrors());
        ExitCode code = ExitCode.of(model);
        if (code == ExitCode.USAGE_OR_INPUT) main.err.println(HumanLabelsGate.refusal(runDir));
        return code.code();
    }
}
