package dev.promptarena.run;

import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.CallNotMadeException;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.judge.PairJudge;
import dev.promptarena.judge.PairJudging;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.recorded.Recorded;
import dev.promptarena.recorded.RecordedResponses;
import dev.promptarena.stats.Side;
import dev.promptarena.util.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The pipelined scheduler: for every (case, repeat) both variants are generated concurrently and
 * the judge starts as soon as both outputs exist; there is no barrier between a generation phase
 * and a judging phase. At most {@code window} cases are in flight, so memory holds the finished
 * results plus a bounded number of pending requests, whatever the size of the golden set.
 * A variant with recorded outputs is not generated: its side is read from the {@link Recorded}
 * outputs. Rubric checks run on both sides (off the HTTP threads, see {@link CheckStage}) before
 * the judge, so a judge may use them (the reference judge does).
 */
public final class ArenaRunner {
    private final VariantConfig a;
    private final VariantConfig b;
    private final CaseRequests requests;
    private final PairJudging judge;
    private final Calls calls;
    private final CostModel costs;
    private final int window;
    private final Recorded recorded;
    private final CheckStage checks;
    private volatile boolean stopRequested;

    private volatile boolean emptyIsError = true;

    /** A runner that generates both variants, runs no checks and asks {@code judge}. */
    public ArenaRunner(VariantConfig a, VariantConfig b, PairJudge judge, Calls calls, CostModel costs, int window) {
        this(a, b, PairJudging.llm(judge), calls, costs, window, Recorded.NONE, CheckStage.none());
    }

    /**
     * @param recorded outputs that replace generation for a variant ({@link Recorded#NONE}: generate both)
     * @param checks   the rubric's checks, run on both sides before judging
     */
    public ArenaRunner(VariantConfig a, VariantConfig b, PairJudging judge, Calls calls, CostModel costs, int window,
                       Recorded recorded, CheckStage checks) {
        if (window < 1) throw new IllegalArgumentException("window must be >= 1, got: " + window);
        this.recorded = recorded;
        this.checks = checks;
        this.a = a;
        this.b = b;
        this.requests = new CaseRequests(a, b);
        this.judge = judge;
        this.calls = calls;
        this.costs = costs;
        this.window = window;
    }

    /** Asks the runner to start no further cases; cases in flight finish. Safe from any thread. */
    public void requestStop() { stopRequested = true; }

    public boolean stopped() { return stopRequested; }

    /**
     * Runs every case {@code repeats} times, in order, calling {@code onDone} as each finishes.
     * Returns the finished records in case order (fewer than all when stopped early).
     */
    public List<CaseRecord> run(List<GoldenCase> cases, int repeats, Consumer<CaseRecord> onDone) throws InterruptedException {
        ConcurrentSkipListMap<Integer, CaseRecord> done = new ConcurrentSkipListMap<>();
        runEach(cases, repeats, (position, r) -> {
            done.put(position, r);
            onDone.accept(r);
        });
        return new ArrayList<>(done.values());
    }

    /**
     * As {@link #run}, keeping nothing: each finished record goes to {@code onDone} (with its start position) and is
     * then the callback's to keep or drop, so a run of a million cases does not hold a million records (the run's
     * records are in cases.jsonl, see {@link CaseFiles}). Returns when every started case has finished; a case that
     * failed (other than by a call not made) fails the run, the first in case order as {@link #run} always did.
     *
     * @return how many cases finished
     */
    public int runEach(List<GoldenCase> cases, int repeats, BiConsumer<Integer, CaseRecord> onDone) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        AtomicInteger finished = new AtomicInteger();
        ConcurrentSkipListMap<Integer, Throwable> failures = new ConcurrentSkipListMap<>();
        int position = 0;
        outer:
        for (GoldenCase c : cases) {
            for (int r = 0; r < repeats; r++) {
                slots.acquire();
                if (stopRequested) { slots.release(); break outer; }
                int at = position++;
                runCase(c, r).whenComplete((rec, e) -> {
                    // onDone before the slot is free: a stop it requests (sequential monitor) is seen before the next case starts.
                    try {
                        if (rec != null) {
                            onDone.accept(at, rec);
                            finished.incrementAndGet();
                        }
                        if (CallNotMadeException.causedBy(e)) requestStop();
                        else if (e != null) failures.put(at, e);
                    } catch (RuntimeException | Error thrown) {
                        failures.put(at, thrown);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        // Every slot back: every case started has finished and its callback has returned.
        slots.acquire(window);
        slots.release(window);
        if (!failures.isEmpty()) {
            // A case whose calls were not made (budget reached, run stopping) is not run, and not an error: the run is partial.
            Throwable first = failures.firstEntry().getValue();
            throw first instanceof CompletionException ce ? ce : new CompletionException(first);
        }
        return finished.get();
    }

    CompletableFuture<CaseRecord> runCase(GoldenCase c, int repeat) {
        // A asked before B, on this thread: when both send one request (an A/A arena) A's call is the one sent and paid,
        // whatever the timing, as in batch mode (IdenticalCalls; IdenticalRequestPayerTest).
        CompletableFuture<Side> sideA = generate(a, c, repeat, Calls.Role.A);
        CompletableFuture<Side> sideB = generate(b, c, repeat, Calls.Role.B);
        String question = requests.question(c);
        PairJudge.Material material = new PairJudge.Material(question, c.context(), c.reference());
        return sideA.thenCombine(sideB, (x, y) -> checks.evaluate(c.reference(), x, y)).thenCompose(f -> f).thenCompose(p -> {
            if (p.a().error() || p.b().error()) {
                return CompletableFuture.completedFuture(new CaseRecord(c.id(), repeat, c.tags(), question, p.a(), p.b(), List.of()));
            }
            CompletableFuture<List<JudgeTrace>> traces = judge.judge(c.id(), repeat, material, p.a(), p.b());
            return traces.thenApply(t -> new CaseRecord(c.id(), repeat, c.tags(), question, p.a(), p.b(), t, p.detailsA(), p.detailsB()));
        });
    }

    private CompletableFuture<Side> generate(VariantConfig v, GoldenCase c, int repeat, Calls.Role role) {
        RecordedResponses fromFile = recorded.forSlot(v.slot());
        if (fromFile != null) return CompletableFuture.completedFuture(fromFile.side(c.id()));
        LlmRequest request = requests.generation(v, c, repeat);
        return calls.call(v.provider(), request, role)
                .thenApply(resp -> side(v, resp))
                .exceptionally(e -> {
                    Throwable cause = Futures.cause(e);
                    if (cause instanceof CallNotMadeException) throw new CompletionException(cause);
                    // A failed call costs what its attempts were billed without an answer (0 when none said so).
                    return new Side("", 0, costs.cost(v.model(), ProviderException.billedBy(cause)), 0, true, String.valueOf(cause.getMessage()), false);
                });
    }

    /**
     * {@code engine.empty_reply: answer}: judge an empty reply like any answer. By default it is a generation
     * error: an empty string "wins" or "loses" on nothing, and an outage that answers "" would go unnoticed.
     */
    public ArenaRunner emptyRepliesAreAnswers(boolean answers) {
        this.emptyIsError = !answers;
        return this;
    }

    private Side side(VariantConfig v, LlmResponse r) {
        if (emptyIsError && (r.text() == null || r.text().isBlank())) {
            return new Side("", r.latencyMillis(), costs.cost(v.model(), r.allBilled()), r.usage().outputTokens(), true,
                    "empty reply from the model (finish reason: " + r.finishReason() + ")", r.truncated());
        }
        return new Side(r.text(), r.latencyMillis(), costs.cost(v.model(), r.allBilled()), r.usage().outputTokens(), false, null, r.truncated());
    }
}
