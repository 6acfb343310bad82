package dev.promptarena.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.config.InputException;
import dev.promptarena.engine.CaseRecord;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.run.Deviations;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.ManifestFactory;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.stats.AnalysisOptions;
import dev.promptarena.stats.ArenaAnalysis;
import dev.promptarena.stats.AnalysisResult;
import dev.promptarena.stats.CaseOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the {@link ReportModel} from what a run recorded (manifest.json and cases.jsonl) and
 * nothing else, so {@code prompt-arena report <run-dir>} reproduces every number of the run.
 */
public final class ReportBuilder {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReportBuilder() {}

    public static ReportModel build(RunDirectory dir) {
        return build(ManifestFactory.read(dir.file("manifest.json")), readCases(dir.file("cases.jsonl")), readEngine(dir.file("engine.json")));
    }

    /**
     * The model from what a run just wrote, still in memory (the run skips reading its own files back).
     * Must equal {@link #build(RunDirectory)} of the same folder: ReportRegenerationTest holds both to the same bytes.
     */
    public static ReportModel build(Manifest manifest, List<CaseRecord> cases, EngineSnapshot engine) {
        List<CaseOutcome> outcomes = cases.stream().map(CaseRecord::outcome).toList();
        // The bootstrap seed is the judge seed: one recorded number makes every interval replayable.
        AnalysisOptions options = AnalysisOptions.of(manifest.policy(), manifest.judge().seed())
                .withDeviations(Deviations.of(manifest, outcomes.size()));
        // Self-preference was decided from the models at run time; older manifests have none (null).
        AnalysisResult analysis = ArenaAnalysis.analyze(outcomes, manifest.axes(), options,
                manifest.selfPreference() == null ? List.of() : manifest.selfPreference());
        return new ReportModel(ReportModel.SCHEMA_VERSION, manifest, analysis, cases, engine);
    }

    /** The engine's counters; null when the run folder predates engine.json. */
    static EngineSnapshot readEngine(Path file) {
        if (!Files.exists(file)) return null;
        try {
            return JSON.readValue(file.toFile(), EngineSnapshot.class);
        } catch (IOException e) {
            throw new InputException(file, "cannot read the engine counters: " + e.getMessage());
        }
    }

    public static List<CaseRecord> readCases(Path file) {
        List<CaseRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    out.add(JSON.readValue(line, CaseRecord.class));
                } catch (IOException e) {
                    throw new InputException(file, n, null, "unreadable case record: " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, "not a finished run folder: cases.jsonl is missing");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        return out;
    }
}
