package dev.promptarena.run;

import dev.promptarena.engine.EngineSnapshot;
import java.util.List;

/**
 * Writes a run folder's reports from a manifest, finished cases in case order and the engine's
 * counters. The CLI supplies it (reports live above this package); the pipeline uses it for the
 * interim reports of a run in progress.
 */
@FunctionalInterface
public interface ReportWriter {
    void write(RunDirectory dir, Manifest manifest, List<CaseRecord> records, EngineSnapshot engine);
}
