package dev.promptarena.engine;

import dev.promptarena.util.DaemonThreads;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Run progress on stderr. On a terminal: one line redrawn in place with {@code \r} (cases
 * done/total, calls/s, retries, errors, cost so far, ETA). Otherwise (CI logs, pipes): a plain
 * line every few seconds, since carriage returns turn a log file into one enormous line.
 * Quiet: nothing. The runner calls {@link #start}, then {@link #caseDone} per finished case,
 * then {@link #close}.
 */
public final class Progress implements AutoCloseable {
    /** How progress is shown. */
    public enum Mode { BAR, LINES, QUIET }

    private final Mode mode;
    private final PrintStream out;
    private final Supplier<EngineSnapshot> engine;
    private final LongSupplier nanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long total;
    private volatile long startNanos;
    private ScheduledExecutorService timer;

    public Progress(Mode mode, PrintStream out, Supplier<EngineSnapshot> engine, LongSupplier nanos) {
        this.mode = mode;
        this.out = out;
        this.engine = engine;
        this.nanos = nanos;
    }

    /** BAR on a terminal ({@code System.console() != null}), LINES otherwise, QUIET when asked. */
    public static Progress forConsole(boolean quiet, PrintStream err, Supplier<EngineSnapshot> engine) {
        Mode m = quiet ? Mode.QUIET : System.console() != null ? Mode.BAR : Mode.LINES;
        return new Progress(m, err, engine, System::nanoTime);
    }

    /** Starts drawing; {@code totalCases} is what 100% means. */
    public synchronized void start(long totalCases) {
        this.total = totalCases;
        this.startNanos = nanos.getAsLong();
        if (mode == Mode.QUIET || timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("progress"));
        long every = mode == Mode.BAR ? 250 : 5000;
        timer.scheduleAtFixedRate(this::draw, every, every, TimeUnit.MILLISECONDS);
    }

    /** One case finished (whatever its verdict). */
    public void caseDone() { done.incrementAndGet(); }

    /** One case finished without a usable result (counted as done, shown as an error). */
    public void caseFailed() {
        failed.incrementAndGet();
        done.incrementAndGet();
    }

    /** The current line, without control characters. */
    public String render() {
        EngineSnapshot s = engine.get();
        long d = done.get();
        double secs = Math.max(1e-9, (nanos.getAsLong() - startNanos) / 1e9);
        double callsPerSec = (s.succeeded() + s.failed()) / secs;
        StringBuilder sb = new StringBuilder();
        if (total > 0) {
            int width = 20;
            int filled = (int) Math.min(width, d * width / total);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
        }
        long judgeErrors = s.judgeFailuresByReason().values().stream().mapToLong(Long::longValue).sum();
        // Failed judge calls are errors (never "unparseable"); say how many of the errors they are.
        String ofJudge = judgeErrors > 0 ? " (judge " + judgeErrors + ")" : "";
        sb.append(String.format(Locale.ROOT, "%d/%d cases  %.1f calls/s  retries %d  errors %d%s  $%.4f", d, total,
                callsPerSec, s.retries(), s.failed() + failed.get(), ofJudge, s.costUsd()));
        if (s.cacheHits() + s.journalHits() > 0) sb.append(String.format(Locale.ROOT, "  cached %d", s.cacheHits() + s.journalHits()));
        if (d > 0 && total > d) sb.append("  ETA ").append(format(Duration.ofMillis((long) (secs / d * (total - d) * 1000))));
        if (s.partial()) sb.append("  BUDGET REACHED");
        return sb.toString();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private void draw() {
        try {
            String line = render();
            // Pad so a shorter line fully overwrites the previous one.
            if (mode == Mode.BAR) out.print("\r" + line + "   ");
            else out.println(line);
            out.flush();
        } catch (RuntimeException e) {
            // Progress must never take a run down.
        }
    }

    /** Stops the timer and prints the final state once (with a newline after the bar). */
    @Override
    public synchronized void close() {
        if (timer == null) return;
        timer.shutdownNow();
        timer = null;
        draw();
        if (mode == Mode.BAR) out.println();
    }
}
