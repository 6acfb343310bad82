package dev.promptarena.report.tournament;

import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.TournamentFolder;
import java.util.Objects;

/**
 * A tournament's {@code report.json}: schema version 2 (docs/report-json.md). The two-variant report.json stays at
 * version 1; a consumer tells them apart by {@code schemaVersion} and {@code kind}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind          always {@code "tournament"}
 * @param manifest      the run's top-level manifest (control against the first candidate; each pairing has its own)
 * @param layout        variants (control first), schedule, tie model and each pairing's folder
 * @param analysis      ranking, win-rate matrix, each pairing's two-variant analysis and the gate
 */
public record TournamentReportModel(int schemaVersion, String kind, Manifest manifest, TournamentFolder layout, TournamentResult analysis) {
    public static final int SCHEMA_VERSION = 2;

    public TournamentReportModel {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(analysis, "analysis");
    }

    public static TournamentReportModel of(Manifest manifest, TournamentFolder layout, TournamentResult analysis) {
        return new TournamentReportModel(SCHEMA_VERSION, "tournament", manifest, layout, analysis);
    }
}
