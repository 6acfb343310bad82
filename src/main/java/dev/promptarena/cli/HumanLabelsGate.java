package dev.promptarena.cli;

import dev.promptarena.calibration.JudgedCases;
import dev.promptarena.calibration.LabelsFile;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.input.InputException;
import dev.promptarena.report.CasePass;
import dev.promptarena.report.LabelsProvenance;
import dev.promptarena.report.ReportModel;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.StoredCases;
import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.util.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Human labels on the way into a run's reports, for {@code run --labels} and {@code report --labels}: the
 * human-corrected win rate is added to every report and, when {@code decision.metric} is
 * {@code human_corrected_win_rate}, the gate decides on it. One path for both commands, so they exit alike.
 */
final class HumanLabelsGate {
    private HumanLabelsGate() {}

    /** The report model of a run, analysed with the labels (null: none given); labels of no judged case are warned about on {@code err}. */
    static ReportModel model(RecordedRun run, LabelsFile labels, java.io.PrintStream err) {
        return model(run, labels, null, err);
    }

    /** As above, {@code pass} (null: none) gathering the facts of every case in the analysis's read of the cases. */
    static ReportModel model(RecordedRun run, LabelsFile labels, CasePass pass, java.io.PrintStream err) {
        java.util.function.Consumer<CaseRecord> each = pass == null ? r -> { } : pass;
        if (labels == null) return ReportModel.of(run, run.analyze(null, each));
        JudgedCases judged = JudgedCases.of(run.cases());
        // At the policy's alpha: the gate reads this interval when the corrected rate is the primary metric.
        CorrectedWinRate w = labels.correct(judged, run.manifest().policy().alpha()).winRate();
        warnUnmatched(labels, judged, err);
        LabelsProvenance source = new LabelsProvenance(labels.file().getFileName().toString(), labels.sha256(),
                labels.sheet() != null ? labels.sheet().size() : labels.labels().size(), labels.sheet() != null ? "label sheet" : "case_id,label");
        return ReportModel.of(run, run.analyze(w, each)).withHumanCorrected(w, source);
    }

    /**
     * Labels whose case id matches no judged case carry no information and are left out; said, as {@code calibrate} says
     * it, because a typo or another run's file would otherwise shrink the labelled sample without a word.
     */
    private static void warnUnmatched(LabelsFile labels, JudgedCases judged, java.io.PrintStream err) {
        Set<String> known = new java.util.HashSet<>(judged.ids());
        java.util.List<String> unmatched = labels.labels().stream().map(l -> l.caseId()).filter(id -> !known.contains(id)).distinct().toList();
        if (unmatched.isEmpty()) return;
        err.println(TerminalText.plain("warning: " + unmatched.size() + " labelled case id(s) match no judged case of the run and were left out"
                + " of the human-corrected win rate: '" + String.join("', '", unmatched.subList(0, Math.min(5, unmatched.size()))) + "'"
                + (unmatched.size() > 5 ? ", ..." : "")));
    }

    /** True when the gate was pre-registered on the human-corrected win rate and has no labels: it refuses to decide. */
    static boolean refuses(ReportModel model) {
        return model.manifest().policy().metric() == DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE && model.humanCorrected() == null;
    }

    /** The refusal in plain words for stderr, naming the run folder in the commands to type. */
    static String refusal(Path runDir) {
        return "error: decision.metric is human_corrected_win_rate, so the gate decides only with human labels (exit 2)."
                + " Write a label sheet with `prompt-arena label " + runDir + " --n 60 --out to-label.csv`, have it filled,"
                + " then decide with `prompt-arena report " + runDir + " --labels to-label.csv`.";
    }

    /**
     * Checks {@code merge --labels FILE} before anything is merged: a plain file (a sheet is refused as for
     * {@code run}) with labels on at least 2 cases of the shards.
     */
    static LabelsFile forMerge(Path file, java.util.List<Path> shards) {
        Set<String> ids = new java.util.HashSet<>();
        for (Path shard : shards) {
            Path cases = shard.resolve("cases.jsonl");
            if (Files.isRegularFile(cases)) StoredCases.read(cases).forEach(c -> ids.add(c.caseId())); // streamed (issue 21)
        }
        return plainWithKnownCases(file, ids, "the shards' cases", "merge", "MERGED_DIR");
    }

    /**
     * Checks {@code run --labels FILE} before the run spends anything: a plain {@code case_id,label} file with
     * labels on at least 2 of the run's cases (without a file: a note when the gate will need labels). A blind label sheet from {@code label} is refused: it is drawn
     * from a finished run's verdicts, so it can only go to {@code report}.
     */
    static LabelsFile forRun(Path file, ArenaInputs inputs, java.io.PrintStream err) {
        if (file == null) {
            if (inputs.config().policy().metric() == DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE) {
                err.println("note: decision.metric is human_corrected_win_rate and no --labels were given: the run records every"
                        + " verdict, but the gate will not decide (exit 2) until `prompt-arena report RUN_DIR --labels FILE`.");
            }
            return null;
        }
        Set<String> ids = new java.util.LinkedHashSet<>(inputs.golden().ids());
        return plainWithKnownCases(file, ids, "the golden set", "run", "RUN_DIR");
    }

    private static LabelsFile plainWithKnownCases(Path file, Set<String> ids, String where, String command, String dirName) {
        if (LabelsFile.isSheet(file)) {
            throw new InputException(file, 1, "order_key", "this is a blind label sheet from `prompt-arena label`, which is drawn from a"
                    + " finished run; give it to `prompt-arena report " + dirName + " --labels " + file.getFileName() + "` after the " + command + "."
                    + " `" + command + " --labels` takes a plain case_id,label file");
        }
        LabelsFile labels = LabelsFile.plain(file);
        long known = labels.labels().stream().map(l -> l.caseId()).filter(ids::contains).distinct().count();
        if (known < 2) {
            throw new InputException(file, "the human-corrected win rate needs labels on at least 2 cases of " + where + ", got " + known
                    + (ids.isEmpty() ? "" : " (case ids look like '" + ids.iterator().next() + "')"));
        }
        return labels;
    }
}
