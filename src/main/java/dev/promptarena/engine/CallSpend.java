package dev.promptarena.engine;

import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.http.BilledAttempts;
import java.util.concurrent.CompletableFuture;

/**
 * What one issued call has spent and holds in the {@link Budget}. The call is issued holding the worst case of one
 * attempt. When an attempt is billed without an answer (a 200 with usage that could not be decoded) and the retry layer
 * wants to retry, that attempt's cost is settled and the worst case of the next attempt is reserved again, as for a new
 * call: it waits for room while other calls are in flight and is refused when none is left, and then the call ends with
 * its failure instead of being retried. So every attempt that may be billed is covered by a reservation when it is sent,
 * and the spend never passes the cap (as long as no attempt costs more than its worst case).
 * Attempts of one call run one after another, so the retry layer calls this from one chain; the lock is for visibility.
 */
final class CallSpend implements BilledAttempts {
    private final Budget budget;
    private final CallCosts costs;
    private final LlmRequest request;
    private final double estimateUsd;
    private boolean held = true;
    /** Billed cost not yet given to the budget. */
    private double unsettledUsd;
    private double billedUsd;
    private Usage billedUsage = Usage.NONE;

    /** @param estimateUsd the worst case of one attempt, already reserved */
    CallSpend(Budget budget, CallCosts costs, LlmRequest request, double estimateUsd) {
        this.budget = budget;
        this.costs = costs;
        this.request = request;
        this.estimateUsd = estimateUsd;
    }

    @Override
    public CompletableFuture<Boolean> billed(BilledUsage billed, boolean retryWanted) {
        double cost = costs.of(request, billed.usage());
        double settle;
        synchronized (this) {
            billedUsd += cost;
            billedUsage = billedUsage.plus(billed.usage());
            if (!retryWanted) {
                unsettledUsd += cost; // settled with the call's outcome
                return CompletableFuture.completedFuture(false);
            }
            settle = unsettledUsd + cost;
            unsettledUsd = 0;
            held = false;
        }
        budget.settle(estimateUsd, settle);
        return budget.reserve(estimateUsd).thenApply(reserved -> {
            synchronized (this) { held = reserved; }
            return reserved;
        });
    }

    /**
     * Ends the call: its reservation (if it still holds one) is replaced by {@code answerUsd} plus the billed attempts not
     * yet settled. Returns what the whole call cost: the answer and every billed attempt.
     */
    double finish(double answerUsd) {
        double settle;
        boolean release;
        double total;
        synchronized (this) {
            settle = unsettledUsd + answerUsd;
            unsettledUsd = 0;
            release = held;
            held = false;
            total = billedUsd + answerUsd;
        }
        if (release) budget.settle(estimateUsd, settle);
        else if (settle > 0) budget.addSpent(settle);
        return total;
    }

    /** Cost of the attempts billed without an answer. */
    synchronized double billedUsd() { return billedUsd; }

    /** Tokens of the attempts billed without an answer. */
    synchronized Usage billedUsage() { return billedUsage; }
}
