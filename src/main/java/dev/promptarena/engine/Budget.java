package dev.promptarena.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A spending cap. Before a call is issued its worst-case cost (prompt estimate plus max_tokens
 * of output) is reserved, and on completion the reservation is replaced by the actual cost. A call
 * whose reservation does not fit waits while other calls are in flight (their refunds may make room)
 * and is refused only when nothing is in flight and it still does not fit: from then on no new call
 * is issued and the run is partial. So a run stops as close under the cap as the worst case of one
 * call allows, never above it (as long as no call costs more than its worst case). Refusing at the
 * first reservation that did not fit stopped a $1.00 run at $0.41: at high concurrency most of the
 * cap was held by reservations of calls in flight (issue 14). Cached and journaled answers cost
 * nothing and are still served.
 */
public final class Budget {
    private record Waiter(double estimateUsd, CompletableFuture<Boolean> go) {}

    private final Double maxUsd;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private double spent;
    private double reserved;
    private int inFlight;
    private boolean exhausted;

    /** @param maxUsd the cap in USD, or null for none */
    public Budget(Double maxUsd) {
        if (maxUsd != null && !(maxUsd >= 0)) throw new IllegalArgumentException("max cost must be >= 0 USD, got: " + maxUsd);
        this.maxUsd = maxUsd;
    }

    /**
     * Reserves {@code estimateUsd}: completes with true once reserved (at once when it fits, else when
     * refunds of calls in flight made room), false when it cannot fit (the budget is then exhausted).
     */
    public CompletableFuture<Boolean> reserve(double estimateUsd) {
        synchronized (this) {
            if (maxUsd == null) return CompletableFuture.completedFuture(true);
            if (!exhausted && waiting.isEmpty() && fits(estimateUsd)) {
                take(estimateUsd);
                return CompletableFuture.completedFuture(true);
            }
            if (!exhausted && inFlight > 0) {
                Waiter w = new Waiter(estimateUsd, new CompletableFuture<>());
                waiting.add(w);
                return w.go();
            }
            exhausted = true;
            return CompletableFuture.completedFuture(false);
        }
    }

    /** Replaces a reservation by what the call actually cost (0 if it failed without usage). */
    public void settle(double estimateUsd, double actualUsd) {
        List<Waiter> go = new ArrayList<>();
        List<Waiter> refused = new ArrayList<>();
        synchronized (this) {
            spent += actualUsd;
            if (maxUsd == null) return;
            reserved -= estimateUsd;
            inFlight--;
            // First come, first served: a later, cheaper call does not overtake one that waits.
            while (!waiting.isEmpty() && fits(waiting.peek().estimateUsd())) {
                Waiter w = waiting.poll();
                take(w.estimateUsd());
                go.add(w);
            }
            if (!waiting.isEmpty() && inFlight == 0) {
                exhausted = true;
                refused.addAll(waiting);
                waiting.clear();
            }
        }
        // Outside the lock: completing runs the callers' continuations (the next request).
        go.forEach(w -> w.go().complete(true));
        refused.forEach(w -> w.go().complete(false));
    }

    /**
     * Batch mode: reserves {@code estimateUsd} now or never. A batch is paid for when it ends, so waiting for
     * refunds of calls in flight (as {@link #reserve} does) would wait for this very batch; a call that does
     * not fit is not submitted, and the budget is then exhausted.
     */
    public synchronized boolean tryReserve(double estimateUsd) {
        if (maxUsd == null) return true;
        if (!exhausted && fits(estimateUsd)) {
            take(estimateUsd);
            return true;
        }
        exhausted = true;
        return false;
    }

    /** Reserves {@code estimateUsd} whether or not it fits: a call already submitted (a resumed batch) will be paid anyway. */
    public synchronized void commit(double estimateUsd) {
        if (maxUsd != null) take(estimateUsd);
    }

    private boolean fits(double estimateUsd) { return spent + reserved + estimateUsd <= maxUsd; }

    private void take(double estimateUsd) {
        reserved += estimateUsd;
        inFlight++;
    }

    /** Adds cost already paid in an earlier session of this run (served from the journal). */
    public synchronized void addSpent(double usd) { spent += usd; }

    public synchronized boolean exhausted() { return exhausted; }

    public Double maxUsd() { return maxUsd; }

    /** The error of a call this budget refused; {@code notDone} says what did not happen to it ("issued", "submitted"). */
    BudgetExhaustedException refusal(String notDone) {
        return new BudgetExhaustedException(String.format(java.util.Locale.ROOT,
                "max_cost_usd %.4f reached: call not %s (the run is partial)", maxUsd, notDone));
    }
}
