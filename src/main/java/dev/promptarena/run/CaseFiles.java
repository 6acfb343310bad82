package dev.promptarena.run;

import dev.promptarena.util.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeMap;
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
    private CaseRecord lastWritten;
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
            lastWritten = r;
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Writes what is still pending and moves both files into place.
     *
     * @param records every finished case in case order, as the runner returned them after every
     *                {@link #caseDone} call was made; the files hold exactly these
     */
    void commit(List<CaseRecord> records) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(5, TimeUnit.MINUTES)) throw new IllegalStateException("cases.jsonl writer did not finish");
        // What was written is a gap-free run of positions from 0, so it is the start of the list.
        if (written > records.size() || (written > 0 && records.get(written - 1) != lastWritten)) {
            throw new IllegalStateException("cases written during the run are not the first " + written + " of the " + records.size() + " finished");
        }
        records.subList(written, records.size()).forEach(this::write);
        try {
            if (failure != null) throw failure;
            cases.commit();
            outcomes.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cases.jsonl and outcomes.jsonl in " + dir.path(), e);
        }
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
