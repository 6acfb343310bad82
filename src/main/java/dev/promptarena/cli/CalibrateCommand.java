package dev.promptarena.cli;

import dev.promptarena.calibration.Calibration;
import dev.promptarena.calibration.CalibrationResult;
import dev.promptarena.calibration.CalibrationText;
import dev.promptarena.calibration.CorrectionSummary;
import dev.promptarena.calibration.CorrectionText;
import dev.promptarena.calibration.JudgedCases;
import dev.promptarena.calibration.LabelsFile;
import dev.promptarena.calibration.SheetIds;
import dev.promptarena.report.CsvTable;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.ManifestFactory;
import dev.promptarena.run.StoredCases;
import dev.promptarena.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena calibrate <run-dir> --labels human.csv}: does the judge agree with people? */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        // The first line is the summary the top-level --help lists, so it is one whole sentence; each element after it is
        // one paragraph, which picocli wraps (an element per source line broke the help mid-sentence).
        description = {"Check a run's judge against human labels of the same cases.",
                "Compares the judge verdicts with the labels: raw agreement with and without ties, Cohen's kappa with its interval"
                        + " and the confusion matrix, per judge and for the panel's majority verdict; then the judge-only, human-only"
                        + " and human-corrected win rates, the judge's bias on the labelled cases and a recommendation.",
                "The policy is on the panel's raw agreement (ties included): at or above --threshold the judge is trusted"
                        + " (with --rule lower-bound, when the agreement's Wilson lower bound is)."},
        footer = {"", "Labels CSV: header case_id,label with optional repeat and labeler columns; label is A, B or tie (the better"
                        + " variant, not the presented position), or the sheet label wrote, filled with 1, 2 or tie. A label without"
                        + " repeat applies to every repeat of its case; several labelers of one case are combined by majority (a split"
                        + " is a tie).",
                "", "Exit codes: 0 judge trusted, 1 recalibrate the judge (agreement below the threshold), 2 usage or input error"
                        + " (bad labels file: file:line: column: problem; not a run folder)."})
public final class CalibrateCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run folder.")
    Path runDir;

    @Option(names = "--labels", required = true, paramLabel = "CSV", description = "Human labels (case_id,label[,repeat][,labeler]).")
    Path labels;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.80",
            description = "Minimum raw agreement (with ties) to trust the judge (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "point", converter = RuleConverter.class,
            completionCandidates = OptionNames.RuleNames.class,
            description = "Pre-registered trust rule: point (the agreement reaches --threshold) or lower-bound (its Wilson lower bound does); default: ${DEFAULT-VALUE}.")
    CalibrationResult.Rule rule;
    @Option(names = "--target-width", paramLabel = "W", defaultValue = "0.10",
            description = "Interval width the recommendation aims at when it asks for more labels (default: ${DEFAULT-VALUE}).")
    double targetWidth;

    @Option(names = "--json", description = "Print the result as JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(threshold > 0 && threshold <= 1)) {
            main.err.println("error: --threshold must be in (0, 1], got " + threshold);
            return ExitCode.USAGE_OR_INPUT.code();
        }
        if (!(targetWidth > 0 && targetWidth < 1)) {
            main.err.println("error: --target-width must be in (0, 1), got " + targetWidth);
            return ExitCode.USAGE_OR_INPUT.code();
        }
        if (!Files.isDirectory(runDir)) {
            main.err.println("error: " + runDir + ": not a folder");
            return ExitCode.USAGE_OR_INPUT.code();
        }
        PairingFolders.refuseTournament(runDir, "calibrate");
        RunDirectory dir = RunDirectory.open(runDir);
        Manifest manifest = ManifestFactory.read(dir.file("manifest.json"));
        List<CaseRecord> records = StoredCases.read(dir.file("cases.jsonl")); // streamed, not loaded (issue 21)
        LabelsFile file = LabelsFile.read(labels, manifest.runId(), SheetIds.of(records.stream().map(CaseRecord::caseId), CsvTable::safe));
        CalibrationResult r = Calibration.compute(runDir, labels, records, file.labels(), threshold, manifest.policy().alpha(),
                rule);
        // The human-corrected win rate (issue 17) is added beside the agreement, without changing it.
        JudgedCases judged = JudgedCases.of(records);
        CorrectionSummary correction = CorrectionSummary.of(judged, file.correct(judged, manifest.policy().alpha()), r.trusted(),
                targetWidth, manifest.policy().alpha());
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode node = RunDirectory.JSON.valueToTree(r);
            node.set("humanCorrected", RunDirectory.JSON.valueToTree(correction));
            main.out.println(TerminalJson.write(node));
        } else {
            CalibrationText.print(r, main.out);
            CorrectionText.print(correction, main.out);
        }
        return r.trusted() ? ExitCode.PASS.code() : ExitCode.FAIL.code();
    }

    static final class RuleConverter implements picocli.CommandLine.ITypeConverter<CalibrationResult.Rule> {
        @Override
        public CalibrationResult.Rule convert(String value) { return OptionNames.parse(CalibrationResult.Rule.class, value); }
    }
}
