package dev.promptarena.cli;

import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.decision.TournamentGate.CandidateDecision;
import dev.promptarena.input.InputException;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.files.TournamentReports;
import dev.promptarena.report.junit.TournamentJUnitReport;
import dev.promptarena.run.ManifestFactory;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.run.TournamentRun;
import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Turns a finished (or stopped) tournament into its reports, a terminal summary and the exit code. */
final class TournamentOutput {
    private TournamentOutput() {}

    /**
     * The run options a tournament does not support yet; false (after printing why) for a usage error (none left: --shard of an
     * adaptive schedule is refused by the run, which reads the schedule). Input errors
     * (recorded outputs, labels) are thrown as {@link InputException}s naming the file.
     */
    static boolean checkOptions(Main main, Path responses, List<Path> outputs, Path junit, dev.promptarena.run.Shard shard, Path labels) {
        // A combined file has one column per slot (output_a, output_b): it cannot name a tournament's variants.
        if (responses != null) {
            throw new InputException(responses, "--responses: a combined file (id, output_a, output_b) names two variants, and a tournament has more;"
                    + " run each candidate against the control as a two-variant config with --responses"
                    + " (output_a = the control's outputs, output_b = the candidate's)");
        }
        // Refused rather than ignored: a user who gives labels expects them to change the estimate.
        if (labels != null) throw new InputException(labels, "--labels: human-corrected estimates are not computed for a tournament yet");
        return true;
    }

    /** {@code merge} of a tournament's shard folders: the whole tournament's folder, its reports and the gate's exit code. */
    static int merge(Main main, List<Path> shards, Path runDir, Path junit, Path labels) {
        if (labels != null) throw new InputException(labels, "--labels: human-corrected estimates are not computed for a tournament yet");
        dev.promptarena.run.TournamentShards.Merged merged = dev.promptarena.run.TournamentShards.merge(shards, runDir, java.time.ZonedDateTime.now());
        RunDirectory dir = merged.dir();
        main.err.println("Merged " + shards.size() + " tournament shards into " + dir.path());
        RepeatedSendsNote.print(merged.repeatedSends(), main.err);
        return report(dir, main.out, junit);
    }

    /** {@code run --dry-run} of a tournament: providers, the schedule line, and the calls and cost of the whole schedule. */
    static int dryRun(Main main, dev.promptarena.run.ArenaInputs inputs, dev.promptarena.run.RunOptions options) {
        dev.promptarena.run.ProvidersTable.Result providers = dev.promptarena.run.ProvidersTable.of(inputs.config(), main.env);
        providers.lines().forEach(main.out::println);
        providers.warnings().forEach(w -> main.err.println("warning: " + w));
        main.out.println(dev.promptarena.run.TournamentDryRun.schedule(inputs, options));
        main.out.println(dev.promptarena.run.TournamentDryRun.estimate(inputs, options).describe());
        BatchNote.of(inputs, options).ifPresent(main.out::println);
        return ExitCode.PASS.code();
    }

    /** --junit and -o .xml (-o .csv copies ranking.csv; .json, .html, .md the top-level reports): one test case per candidate against the control ({@link TournamentJUnitReport}). */
    static void writeJUnit(Path file, RunDirectory dir, TournamentResult analysis) {
        var manifest = ManifestFactory.read(dir.file("manifest.json"));
        TournamentJUnitReport.write(file, manifest.arena(), manifest.runId(), manifest.partial(), analysis.variants().get(0), analysis.decision());
    }

    private static void copyOutputs(RunDirectory dir, TournamentResult analysis, List<Path> outputs, Path junit) {
        if (junit != null) writeJUnit(junit, dir, analysis);
        for (Path o : outputs) {
            OutputFiles.Format f = OutputFiles.format(o);
            if (f == OutputFiles.Format.XML) writeJUnit(o, dir, analysis);
            else OutputFiles.copyFile(dir.file(f == OutputFiles.Format.CSV ? "ranking.csv" : f.source), o);
        }
    }

    static int finish(TournamentRun.Result result, Main main, List<Path> outputs, Path junit) {
        if (result.storageFailed()) return storageFailure(result, main);
        TournamentResult analysis = TournamentReports.writeAll(result.dir(), ManifestFactory.read(result.dir().file("manifest.json")),
                result.folder(), result.runs());
        copyOutputs(result.dir(), analysis, outputs, junit);
        dev.promptarena.run.LatestPointer.update(result.dir().path());
        print(analysis, result.dir(), main.out);
        ExitCode gate = ExitCode.of(analysis.decision().outcome());
        if (result.partialReason() == null) return gate.code();
        main.err.println("Run stopped early (" + result.partialReason() + "); the report is marked partial.");
        main.err.println("Resume with: prompt-arena run --resume " + result.dir().path());
        if (result.partialReason().startsWith("interrupted")) return ExitCode.INTERRUPTED.code();
        // Stopped by the budget: a pass on fewer cases than planned is not the pre-registered test.
        return gate == ExitCode.PASS ? ExitCode.INCONCLUSIVE.code() : gate.code();
    }

    /** The journal failed (disk full): write the reports the disk still takes, say why in plain words, exit 4 (as a two-variant run). */
    private static int storageFailure(TournamentRun.Result result, Main main) {
        try {
            if (!result.runs().isEmpty()) {
                TournamentReports.writeAll(result.dir(), ManifestFactory.read(result.dir().file("manifest.json")), result.folder(), result.runs());
            }
        } catch (RuntimeException alsoFull) {
            main.err.println("warning: the partial reports could not be written either: " + dev.promptarena.util.IoReason.of(alsoFull));
        }
        main.err.println("error: run stopped: " + result.partialReason() + ". No new call was started after the failed write.");
        main.err.println("Resume with: prompt-arena run --resume " + result.dir().path());
        return ExitCode.RUN_ERROR.code();
    }

    /** {@code report <run-dir>} of a tournament folder. */
    static int report(RunDirectory dir, PrintStream out, Path junit) {
        TournamentResult analysis = TournamentReports.regenerate(dir);
        if (junit != null) writeJUnit(junit, dir, analysis);
        print(analysis, dir, out);
        return ExitCode.of(analysis.decision().outcome()).code();
    }

    private static void print(TournamentResult r, RunDirectory dir, PrintStream out) {
        var d = r.decision();
        out.println("Tournament: " + d.outcome() + (d.best() == null ? " (no candidate passes)" : " (best passing candidate: " + clean(d.best()) + ")"));
        for (CandidateDecision c : d.candidates()) {
            out.println(String.format(Locale.ROOT, "  %-24s %-12s win rate vs control %s %s (Holm level %.4g)", clean(c.name()),
                    c.decision().outcome(), Fmt.pct(c.decision().winRate()), Fmt.pctInterval(c.decision().interval()), c.alpha()));
        }
        if (r.rankingProblem() != null) out.println("  " + r.rankingProblem());
        out.println("Reports: " + dir.file("report.html") + " (ranking.csv, pairs.csv, summary.md, report.json; each pairing under pairs/)");
    }

    private static String clean(String s) { return TerminalText.plain(s); }
}
