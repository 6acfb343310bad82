package dev.promptarena.run;

import dev.promptarena.analysis.AnalysisResult;

/**
 * Writes a run folder's reports from what the run recorded and its analysis (already computed by
 * {@link RecordedRun#analyze()}: the writer only renders). The CLI supplies it (reports live above
 * this package); the pipeline uses it for the interim reports of a run in progress.
 */
@FunctionalInterface
public interface ReportWriter {
    void write(RunDirectory dir, RecordedRun run, AnalysisResult analysis);
}
