package dev.promptarena.run;

import dev.promptarena.checks.CheckReport;
import dev.promptarena.checks.CheckResult;
import dev.promptarena.checks.CheckRunner;
import dev.promptarena.stats.Side;
import dev.promptarena.util.DaemonThreads;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluates the rubric's checks on both sides of a pair once they exist. Checks run on a small
 * bounded pool of their own, never on the HTTP client's threads: a similarity check embeds text
 * (tens of milliseconds of CPU) and a pathological regex may read millions of characters, either of
 * which would stall response handling for every other case in flight.
 */
public final class CheckStage implements AutoCloseable {
    private final CheckRunner runner;
    private final ExecutorService pool;

    /** Both sides with their check results attached, and each check's detail for the reports. */
    public record Checked(Side a, Side b, List<CheckResult> detailsA, List<CheckResult> detailsB) {}

    /** @param runner the rubric's checks, or null when the rubric has none (then nothing runs) */
    public CheckStage(CheckRunner runner, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got: " + threads);
        this.runner = runner;
        // Daemons: an interrupted run must not be kept alive by idle check threads.
        this.pool = runner == null ? null : Executors.newFixedThreadPool(threads, DaemonThreads.named("prompt-arena-checks"));
    }

    /** A stage that attaches nothing. */
    public static CheckStage none() { return new CheckStage(null, 1); }

    /**
     * Checks both outputs against the case's reference. A side that failed to generate is not checked
     * (its empty output would fail most checks for a reason that is not the prompt's).
     */
    public CompletableFuture<Checked> evaluate(String reference, Side a, Side b) {
        if (runner == null || a.error() || b.error()) return CompletableFuture.completedFuture(new Checked(a, b, List.of(), List.of()));
        return CompletableFuture.supplyAsync(() -> {
            List<CheckReport> r = reports(a.output(), b.output(), reference);
            return new Checked(a.withChecks(r.get(0).passed(), r.get(0).similarity()), b.withChecks(r.get(1).passed(), r.get(1).similarity()),
                    r.get(0).results(), r.get(1).results());
        }, pool);
    }

    /**
     * The reports on both outputs. Text checks never throw (CheckRunner contains them), but the embedder
     * may (a corrupt model, out of memory); then every check fails on both sides with the reason, as a
     * check that could not be verified does, and the run goes on instead of losing every finished case.
     */
    private List<CheckReport> reports(String outA, String outB, String reference) {
        try {
            return runner.evaluateAll(List.of(outA, outB), reference);
        } catch (RuntimeException e) {
            List<CheckResult> failed = runner.checks().stream().map(c -> CheckResult.fail(c.name(), "not evaluated: " + e)).toList();
            CheckReport r = new CheckReport(failed, List.of(), null);
            return List.of(r, r);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }
}
