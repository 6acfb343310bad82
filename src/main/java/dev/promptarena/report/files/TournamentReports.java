package dev.promptarena.report.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.tournament.TournamentHtml;
import dev.promptarena.report.tournament.TournamentMarkdown;
import dev.promptarena.report.tournament.TournamentReportModel;
import dev.promptarena.report.tournament.TournamentTables;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.run.TournamentFolder;
import java.util.List;

/**
 * Writes a tournament's reports: in the run folder ranking.csv, pairs.csv, summary.md, report.html and report.json
 * (schema 2), and in every pairing's folder that pairing's full two-variant reports. Everything is derived from what the
 * run recorded, so {@code prompt-arena report <run-dir>} rewrites the same bytes.
 */
public final class TournamentReports {
    private static final ObjectWriter JSON = RunDirectory.JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private TournamentReports() {}

    /** Analyses the recorded pairings and writes every file; returns the analysis (its decision sets the exit code). */
    public static TournamentResult writeAll(RunDirectory dir, Manifest manifest, TournamentFolder layout, List<RecordedRun> runs) {
        TournamentResult result = layout.analyze(runs);
        for (int i = 0; i < runs.size(); i++) {
            RecordedRun run = runs.get(i);
            // The pairing's analysis is the two-variant one of its records (self-preference included), as report <pair-dir> gives.
            Reports.writeAll(RunDirectory.open(dir.file(layout.pairs().get(i).dir())), ReportModel.of(run, run.analyze()));
        }
        TournamentTables.ranking(result).writeTo(dir, TournamentTables.RANKING);
        TournamentTables.pairs(result).writeTo(dir, TournamentTables.PAIRS);
        dir.writeText("summary.md", TournamentMarkdown.summary(result));
        dir.writeText("report.html", new TournamentHtml().render(result));
        TournamentReportModel model = TournamentReportModel.of(manifest, layout, result);
        dir.writeAtomically("report.json", w -> {
            JSON.writeValue(w, model);
            w.write('\n');
        });
        return result;
    }

    /**
     * The interim reports of a tournament in progress (after each finished pairing): summary.md and report.html of the
     * pairings recorded so far, each marked "Interim — not a decision" with {@code note} and showing no PASS/FAIL. The other
     * files (ranking.csv, pairs.csv, report.json, each pairing's reports) are written only by {@link #writeAll} at the end,
     * which replaces these two.
     */
    public static void writeInterim(RunDirectory dir, TournamentFolder layout, List<RecordedRun> runs, String note) {
        TournamentResult result = layout.analyze(runs);
        dir.writeText("summary.md", TournamentMarkdown.interim(result, note));
        dir.writeText("report.html", new TournamentHtml().renderInterim(result, note));
    }

    /** Reads a tournament's run folder back and rewrites its reports ({@code prompt-arena report}). */
    public static TournamentResult regenerate(RunDirectory dir) {
        TournamentFolder layout = TournamentFolder.read(dir);
        Manifest manifest = dev.promptarena.run.ManifestFactory.read(dir.file("manifest.json"));
        return writeAll(dir, manifest, layout, layout.runs(dir));
    }
}
