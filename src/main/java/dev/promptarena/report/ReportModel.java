package dev.promptarena.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.run.StoredCases;
import dev.promptarena.stats.CorrectedWinRate;
import java.util.List;
import java.util.Objects;

/**
 * Everything every report shows; {@code report.json} is this record serialized, and the CSV,
 * Markdown and HTML reports are rendered from it, so they cannot disagree.
 * Schema (versioned by {@link #SCHEMA_VERSION}) is documented in docs/report-json.md.
 *
 * @param schemaVersion report.json schema version
 * @param manifest      provenance of the run
 * @param analysis      statistics and the decision
 * @param cases         every recorded (case, repeat) with outputs and judge traces
 * @param engine        the engine's counters (calls issued, cache and journal hits, retries, failures, cost per
 *                      role) from engine.json, or null for a run folder without one
 * @param humanCorrected the judge-only, human-only and human-corrected win rates when human labels were given
 *                       ({@code report --labels}); null (and absent from report.json) otherwise
 * @param humanLabels    which labels file (by content hash) {@code humanCorrected} came from; null without labels
 */
public record ReportModel(int schemaVersion, Manifest manifest, AnalysisResult analysis, List<CaseRecord> cases,
                          EngineSnapshot engine, @JsonInclude(JsonInclude.Include.NON_NULL) CorrectedWinRate humanCorrected,
                          @JsonInclude(JsonInclude.Include.NON_NULL) LabelsProvenance humanLabels) {
    public static final int SCHEMA_VERSION = 1;

    public ReportModel {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(analysis, "analysis");
        // A run's cases stay in cases.jsonl (read-only, read back as each report streams through them); copying would load them all.
        cases = cases instanceof StoredCases ? cases : List.copyOf(cases);
    }

    /** The model of a recorded run and its analysis (computed by {@link RecordedRun#analyze()}; reports only render it). */
    public static ReportModel of(RecordedRun run, AnalysisResult analysis) {
        return new ReportModel(SCHEMA_VERSION, run.manifest(), analysis, run.cases(), run.engine(), null, null);
    }

    public ReportModel(int schemaVersion, Manifest manifest, AnalysisResult analysis, List<CaseRecord> cases) {
        this(schemaVersion, manifest, analysis, cases, null, null, null);
    }

    public ReportModel(int schemaVersion, Manifest manifest, AnalysisResult analysis, List<CaseRecord> cases, EngineSnapshot engine) {
        this(schemaVersion, manifest, analysis, cases, engine, null, null);
    }

    /** This model over {@code cases} (the same cases read another way, e.g. {@link StoredCases#tapped}). */
    public ReportModel withCases(List<CaseRecord> cases) {
        return new ReportModel(schemaVersion, manifest, analysis, cases, engine, humanCorrected, humanLabels);
    }

    /** This model with {@code manifest} (the same run's, e.g. with the served models read meanwhile). */
    public ReportModel withManifest(Manifest manifest) {
        return new ReportModel(schemaVersion, manifest, analysis, cases, engine, humanCorrected, humanLabels);
    }

    /** This model with the human-corrected win rate from the labels {@code source} names. */
    public ReportModel withHumanCorrected(CorrectedWinRate w, LabelsProvenance source) {
        return new ReportModel(schemaVersion, manifest, analysis, cases, engine, w, source);
    }
}
