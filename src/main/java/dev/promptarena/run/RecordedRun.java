package dev.promptarena.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.analysis.ArenaAnalysis;
import dev.promptarena.analysis.SequentialAnalysis;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.input.InputException;
import dev.promptarena.input.JsonProblem;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.OutcomeColumns;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run recorded (manifest.json, cases.jsonl, engine.json), in memory or read back from its folder,
 * and the one path from it to the analysis: interim looks during a run, the end of a run and
 * {@code prompt-arena report <run-dir>} all call {@link #analyze()}, so they cannot disagree.
 *
 * @param manifest provenance and the pre-registered design
 * @param cases    finished cases in case order
 * @param engine   the engine's counters, or null when the folder predates engine.json
 */
public record RecordedRun(Manifest manifest, List<CaseRecord> cases, EngineSnapshot engine) {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads a run folder back, so re-running {@code report} reproduces every number of the run. */
    public static RecordedRun read(RunDirectory dir) {
        return new RecordedRun(ManifestFactory.read(dir.file("manifest.json")), StoredCases.read(dir.file("cases.jsonl")),
                readEngine(dir.file("engine.json")));
    }

    /**
     * As {@link #read}, for a caller whose first read of the cases is the analysis, before it writes anything
     * ({@code report}): cases.jsonl is indexed without parsing, and an unreadable line is the same input error, found
     * as the analysis reads it (one parse of every line fewer; {@link StoredCases#readUnparsed}).
     */
    public static RecordedRun readForAnalysis(RunDirectory dir) {
        return new RecordedRun(ManifestFactory.read(dir.file("manifest.json")), StoredCases.readUnparsed(dir.file("cases.jsonl")),
                readEngine(dir.file("engine.json")));
    }

    /**
     * The analysis result and decision of the cases recorded so far. Pure and seeded: the same records
     * give the same numbers, whether read back or still in memory (ReportRegenerationTest holds both to the same bytes).
     */
    public AnalysisResult analyze() {
        return analyze(null);
    }

    /**
     * As {@link #analyze()}, with the human-corrected win rate from labels (null without), on which the gate decides
     * when {@code decision.metric} is {@code human_corrected_win_rate}.
     */
    public AnalysisResult analyze(dev.promptarena.stats.CorrectedWinRate humanCorrected) {
        return analyze(humanCorrected, r -> { });
    }

    /**
     * As {@link #analyze(dev.promptarena.stats.CorrectedWinRate)}, handing each record to {@code each} as the statistics
     * read it, so what the reports need from every case besides the statistics (judge errors, the page's ranking) comes
     * from the same read of cases.jsonl instead of one more each (bench/README.md, sixth session).
     */
    public AnalysisResult analyze(dev.promptarena.stats.CorrectedWinRate humanCorrected, java.util.function.Consumer<? super CaseRecord> each) {
        // Without the texts: a run's cases stream from cases.jsonl and only their numbers stay for the statistics,
        // as primitive columns (about 200 bytes an outcome), read back as outcomes by every statistic.
        OutcomeColumns.Builder columns = new OutcomeColumns.Builder(cases.size());
        for (CaseRecord r : cases) {
            columns.add(r.outcome());
            each.accept(r);
        }
        List<CaseOutcome> outcomes = columns.build();
        // The bootstrap seed is the judge seed: one recorded number makes every interval replayable.
        AnalysisOptions options = AnalysisOptions.of(manifest.policy(), manifest.judge().seed())
                .withDeviations(Deviations.of(manifest, outcomes.size()));
        // Self-preference was decided from the models at run time; older manifests have none (null).
        AnalysisResult fixed = ArenaAnalysis.analyze(outcomes, manifest.axes(), options,
                manifest.selfPreference() == null ? List.of() : manifest.selfPreference(), humanCorrected);
        if (manifest.sequential() == null) return fixed;
        // Only a run that ended normally (all cases, or stopped by its design) may decide; interim and interrupted runs continue.
        boolean complete = manifest.finishedAt() != null && !manifest.partial();
        return SequentialAnalysis.apply(fixed, manifest.sequential(), outcomes, complete);
    }

    /** The engine's counters; null when the run folder predates engine.json. */
    static EngineSnapshot readEngine(Path file) {
        // Absent means no entry at all: Files.exists is false for a loop of links too, and the report then dropped the
        // counters and cost of a run that has them without a word.
        if (Files.notExists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return null;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, EngineSnapshot.class);
        } catch (IOException e) {
            throw JsonProblem.of(file, 0, "cannot read the engine counters", e);
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
                    throw JsonProblem.of(file, n, "unreadable case record", e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, "not a finished run folder: cases.jsonl is missing");
        } catch (IOException e) {
            throw dev.promptarena.input.ReadErrors.of(file, e);
        }
        return out;
    }
}
