package dev.promptarena.run;

import java.util.List;

/**
 * Writes the interim reports of a tournament in progress (the report package implements it; this package does not
 * depend on it): called after each pairing but the last with the pairings recorded so far and a note saying how far
 * the run is. Interim reports are never a decision; a write that fails is a warning and never changes the exit code.
 */
@FunctionalInterface
public interface TournamentInterim {
    /** Writes nothing: a tournament run without interim reports (tests of the runner alone). */
    TournamentInterim NONE = (dir, layout, runs, note) -> { };

    void write(RunDirectory dir, TournamentFolder layout, List<RecordedRun> runs, String note);
}
