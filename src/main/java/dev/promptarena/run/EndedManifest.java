package dev.promptarena.run;

import dev.promptarena.util.Forked;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The manifest a run ends with. Its end time and partial reason are known at once; the models the providers served
 * come from a pass over the journal (~50 MB at 10,000 cases), which runs on another thread while the final analysis
 * reads cases.jsonl on the calling one: the two passes took turns on one core after the last call (bench/README.md,
 * ninth session). The analysis reads no served model ({@link #beforeServed()}); the reports show them
 * ({@link #complete()}). manifest.json is written by that thread once they are known, and always before the run
 * folder's lock is released ({@link RunPipeline#close()} waits for it).
 */
public final class EndedManifest {
    private final Manifest beforeServed;
    private final Forked<Manifest> complete;

    private EndedManifest(Manifest beforeServed, Forked<Manifest> complete) {
        this.beforeServed = beforeServed;
        this.complete = complete;
    }

    /**
     * Starts reading the served models of {@code journal} into {@code ended}, then warns on {@code err} about a role
     * served by more than one model and writes manifest.json through {@code storage}.
     */
    static EndedManifest start(Manifest ended, Path journal, RunDirectory dir, StorageAfterJournalFailure storage, PrintStream err) {
        return new EndedManifest(ended, Forked.start("served-models", () -> {
            // One thread: the calling one is busy with the analysis's read meanwhile (ServedModels.SPLIT_FROM splits
            // the read when nothing else runs).
            Manifest m = ended.withServed(ServedModels.read(journal, 0));
            ServedModels.changes(m.served()).forEach(w -> err.println("warning: " + w));
            storage.write(() -> dir.writeJson("manifest.json", m));
            return m;
        }));
    }

    /** The manifest without the served models: all the analysis reads (policy, seeds, axes, end, partial reason). */
    public Manifest beforeServed() { return beforeServed; }

    /** Waits for the served models and manifest.json; rethrows a failure to write it. */
    public Manifest complete() { return complete.join(); }

    /** Waits for manifest.json to be written or to fail (the failure is {@link #complete()}'s to report). */
    void awaitQuietly() {
        try {
            complete.join();
        } catch (RuntimeException reported) {
            // complete() rethrows it to the caller that reports it
        }
    }
}
