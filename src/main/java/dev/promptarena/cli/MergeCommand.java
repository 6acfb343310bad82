package dev.promptarena.cli;

import dev.promptarena.calibration.LabelsFile;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.TerminalSummary;
import dev.promptarena.report.files.Reports;
import dev.promptarena.report.junit.JUnitReport;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.run.ShardMerge;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena merge <shard-dirs...>}: one run folder and its reports from shards 1..N, calling no provider. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the folders of shards 1..N (run --shard K/N) into one run folder and write its reports, equal to a"
                + " single-machine run. The shards must share config, golden set, rubric and seeds. Exits with the gate's code.",
        footer = {"", "Exit codes: 0 PASS, 1 FAIL, 2 usage/input error (nothing is written; or decision.metric is"
                        + " human_corrected_win_rate and no --labels: reports written, no decision), 3 INCONCLUSIVE, 4 run error."})
public final class MergeCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The shard folders, in any order.")
    List<Path> shards;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run folder to create (must not exist or be empty;"
            + " default: a new folder beside the first shard).")
    Path runDir;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (the gate and each guardrail as a test case) to FILE.")
    Path junit;

    @Option(names = "--labels", paramLabel = "CSV", description = {"Human labels (case_id,label) for the merged run, as run --labels:",
            "checked against the shards' cases before anything is written. A label sheet is drawn from a finished run, so it goes",
            "to report MERGED_DIR --labels after the merge."})
    Path labels;

    @Override
    public Integer call() {
        if (junit != null) OutputFiles.requireFileTarget(junit, "--junit"); // before the merged folder is written, not after (exit 4)
        if (dev.promptarena.run.TournamentShards.isTournament(shards)) return TournamentOutput.merge(main, shards, runDir, junit, labels);
        LabelsFile humanLabels = labels == null ? null : HumanLabelsGate.forMerge(labels, shards);
        ShardMerge.Merged merged = ShardMerge.merge(shards, runDir, ZonedDateTime.now());
        RunDirectory dir = merged.dir();
        RecordedRun run = merged.run();
        ReportModel model = HumanLabelsGate.model(run, humanLabels, main.err);
        Reports.Written written = Reports.writeAll(dir, model);
        if (junit != null) JUnitReport.write(junit, model);
        main.err.println("Merged " + shards.size() + " shards, " + run.cases().size() + " cases, into " + dir.path());
        RepeatedSendsNote.print(merged.repeatedSends(), main.err);
        TerminalSummary.print(model, dir.file("report.html").toString(), written.htmlBytes(), main.out, w -> false, written.judgeErrors(), written.generationErrors());
        if (HumanLabelsGate.refuses(model)) {
            main.err.println(HumanLabelsGate.refusal(dir.path()));
            return ExitCode.USAGE_OR_INPUT.code(); // as run and report: the pre-registered gate has nothing to decide on
        }
        return ExitCode.of(model.analysis().decision().outcome()).code();
    }
}
