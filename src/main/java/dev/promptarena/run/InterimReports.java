package dev.promptarena.run;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.util.DaemonThreads;
import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The reports of a run in progress, so a long run can be watched (and a killed one still has a report):
 * written once 10% of the cases are done (but not in the first 2 s), again at half (unless, at its pace so far,
 * the run will end within 2 minutes), then every 2 minutes (or 10 times as long as the last one took to write, if
 * that is longer), each marked partial with how many cases it covers. The final reports replace them.
 *
 * <p>They are written on one background thread, never two at a time and never blocking a case; a write
 * that fails is reported once and otherwise ignored. A side effect that matters for speed: the analysis
 * and report code is warm (loaded and compiled) by the end of the run, which halves the time from the
 * last call to the final reports (bench/README.md).
 */
final class InterimReports implements AutoCloseable {
    private static final long FIRST_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(2);

    private final ReportWriter writer;
    private final Function<RecordedRun, AnalysisResult> analysis;
    private final RunDirectory dir;
    private final Function<String, Manifest> manifestFor;
    private final Supplier<EngineSnapshot> engine;
    private final LongSupplier nanoTime;
    private final PrintStream err;
    private final int total;
    private final CaseOrder order;
    private final SoFar soFar;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final Executor executor;
    private final long started;
    private volatile long lastWrite;
    /** Time between periodic writes: 2 minutes, or 10 times the last write's duration when that is longer. */
    private volatile long period = EVERY_NANOS;
    private volatile int nextMilestone;
    /** Whether {@link #nextMilestone} is the half-way one (the one at 10 % has been written). */
    private volatile boolean halfWayNext;

    /**
     * Interim reports written on their own daemon thread.
     *
     * @param manifestFor the run's manifest marked partial with the given reason
     */
    static InterimReports start(ReportWriter writer, RunDirectory dir, Function<String, Manifest> manifestFor, CaseOrder order,
                                SoFar soFar, Supplier<EngineSnapshot> engine, PrintStream err) {
        ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("interim-reports"));
        return new InterimReports(writer, RecordedRun::analyze, dir, manifestFor, order, soFar, engine, System::nanoTime, err, thread);
    }

    /**
     * The cases finished so far in case order, read when a report is written: the run's are read back from the cases
     * file being written ({@link CaseFiles#snapshot}), so interim reports keep no record in memory.
     */
    @FunctionalInterface
    interface SoFar {
        List<CaseRecord> get() throws InterruptedException;
    }

    /**
     * As {@link #start}, with the analysis, the clock and the executor given (tests run writes when they
     * choose, and need no real manifest to analyse).
     */
    InterimReports(ReportWriter writer, Function<RecordedRun, AnalysisResult> analysis, RunDirectory dir, Function<String, Manifest> manifestFor, CaseOrder order,
                   SoFar soFar, Supplier<EngineSnapshot> engine, LongSupplier nanoTime, PrintStream err, Executor executor) {
        this.executor = executor;
        this.writer = writer;
        this.analysis = analysis;
        this.dir = dir;
        this.manifestFor = manifestFor;
        this.engine = engine;
        this.nanoTime = nanoTime;
        this.err = err;
        this.total = order.size();
        this.order = order;
        this.soFar = soFar;
        this.started = nanoTime.getAsLong();
        this.lastWrite = started;
        this.nextMilestone = Math.max(1, (int) Math.ceil(total * 0.10));
    }

    /** Called as each case finishes (any thread). */
    void caseDone(CaseRecord r) {
        long position = order.position(r);
        if (position < 0) return;
        int n = done.incrementAndGet();
        long now = nanoTime.getAsLong();
        boolean milestone = n >= nextMilestone && now - started >= FIRST_AFTER_NANOS;
        boolean periodic = now - lastWrite >= period;
        if (milestone && halfWayNext && !longToGo(n, now - started)) {
            nextMilestone = Integer.MAX_VALUE; // the final reports come sooner than the half-way one would help
            milestone = false;
        }
        if (n >= total || !(milestone || periodic) || !writing.compareAndSet(false, true)) return;
        if (milestone) {
            nextMilestone = !halfWayNext && n < total / 2 ? (int) Math.ceil(total * 0.5) : Integer.MAX_VALUE;
            halfWayNext = nextMilestone != Integer.MAX_VALUE;
        }
        lastWrite = now;
        executor.execute(this::write);
    }

    /**
     * Whether the run, at its pace so far, still needs more than one period (2 minutes) after {@code n} cases. Only then
     * is the half-way report written: in a shorter run the final reports come before a periodic one would, while
     * analysing half the cases cost ~7 % of the CPU of a 10,000-case run's calls phase at concurrency 256 (bench/README.md,
     * seventh session). The report at 10 % is always written: it is cheap, shows early that the run works, and warms up
     * the analysis and report code, which makes the final reports faster.
     */
    private boolean longToGo(int n, long elapsed) {
        return (double) elapsed * (total - n) / n > EVERY_NANOS;
    }

    private void write() {
        long start = nanoTime.getAsLong();
        try {
            List<CaseRecord> soFar = this.soFar.get();
            String reason = String.format(Locale.ROOT, "in progress: %d of %d cases had finished when this report was written;"
                    + " the final report replaces it", soFar.size(), total);
            RecordedRun run = new RecordedRun(manifestFor.apply(reason), soFar, engine.get());
            writer.write(dir, run, analysis.apply(run));
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) err.println("warning: could not write an interim report: " + TerminalText.plain(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // A huge run's report takes long to write: keep interim reports under a tenth of one core.
            period = Math.max(EVERY_NANOS, 10 * (nanoTime.getAsLong() - start));
            writing.set(false);
        }
    }

    /** Waits for a write in progress, so the final reports are not written over by it. */
    @Override
    public void close() {
        if (!(executor instanceof ExecutorService thread)) return;
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
