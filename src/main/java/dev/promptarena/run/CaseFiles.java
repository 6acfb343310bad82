package dev.promptarena.run;

import dev.promptarena.util.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * cases.jsonl and outcomes.jsonl, written while the run goes on instead of after its last call: on one
 * background thread, each finished case's lines are written as soon as every case before it (in
 * {@link CaseOrder}) has finished, so the end of the run writes only the few still pending (at 10,000
 * cases, writing both files after the last call took 0.24-0.27 s). The bytes are those of writing the
 * finished list in one go. Until {@link #commit} the files have temporary names; a run that fails leaves
 * neither.
 */
final class CaseFiles implements AutoCloseable {
    private final RunDirectory dir;
    private final CaseOrder order;
    private final RunDirectory.PendingFile cases;
    private final RunDirectory.PendingFile outcomes;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("case-files"));
    // Touched only on that thread (and by commit, after the thread has finished).
    private final TreeMap<Long, CaseRecord> waiting = new TreeMap<>();
    private long next;
    private int written;
    private IOException failure;

    private CaseFiles(RunDirectory dir, CaseOrder order, RunDirectory.PendingFile cases, RunDirectory.PendingFile outcomes) {
        this.dir = dir;
        this.order = order;
        this.cases = cases;
        this.outcomes = outcomes;
    }

    static CaseFiles start(RunDirectory dir, CaseOrder order) {
        RunDirectory.PendingFile cases = null;
        try {
            cases = dir.startFile("cases.jsonl");
            return new CaseFiles(dir, order, cases, dir.startFile("outcomes.jsonl"));
        } catch (IOException e) {
            closeQuietly(cases);
            throw new UncheckedIOException("cannot write " + dir.file("cases.jsonl"), e);
        }
    }

    /** Called as each case finishes (any thread). */
    void caseDone(CaseRecord r) {
        long position = order.position(r);
        if (position < 0) return;
        try {
            thread.execute(() -> place(position, r));
        } catch (RejectedExecutionException closed) {
            // the run failed and the files were discarded
        }
    }

    private void place(long position, CaseRecord r) {
        waiting.put(position, r);
        // A case whose calls were never made (budget, Ctrl-C) leaves a gap: the cases after it wait for commit.
        while (!waiting.isEmpty() && waiting.firstKey() == next) {
            write(waiting.pollFirstEntry().getValue());
            next++;
        }
    }

    private void write(CaseRecord r) {
        if (failure != null) return;
        try {
            RunDirectory.writeJsonLine(cases.writer(), r);
            RunDirectory.writeJsonLine(outcomes.writer(), r.outcome());
            written++;
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * The cases finished so far, in case order, for an interim report: those already in the (temporary) cases file,
     * read back from it, then the few waiting behind a case still running. Runs on the writing thread, so it sees every
     * {@link #caseDone} made before it; blocks the caller until that thread gets to it.
     */
    List<CaseRecord> snapshot() throws InterruptedException {
        try {
            return thread.submit(() -> {
                if (failure != null) throw failure;
                cases.writer().flush();
                return StoredCases.index(cases.tempPath(), written, new ArrayList<>(waiting.values()));
            }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the cases written so far: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Writes what is still pending (the cases after a gap: a case whose calls were never made) and moves both files
     * into place. Call it once every {@link #caseDone} call was made.
     *
     * @return every finished case in case order, read back from cases.jsonl as needed
     */
    StoredCases commit() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(5, TimeUnit.MINUTES)) throw new IllegalStateException("cases.jsonl writer did not finish");
        while (!waiting.isEmpty()) write(waiting.pollFirstEntry().getValue());
        try {
            if (failure != null) throw failure;
            cases.commit();
            outcomes.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cases.jsonl and outcomes.jsonl in " + dir.path(), e);
        }
        return StoredCases.index(dir.file("cases.jsonl"), written, List.of());
    }

    /** Discards the files unless committed. */
    @Override
    public void close() {
        thread.shutdownNow();
        closeQuietly(cases);
        closeQuietly(outcomes);
    }

    private static void closeQuietly(RunDirectory.PendingFile file) {
        if (file == null) return;
        try {
            file.close();
        } catch (IOException ignored) {
            // a temporary file we could not delete is harmless: the next write replaces it
        }
    }
}
