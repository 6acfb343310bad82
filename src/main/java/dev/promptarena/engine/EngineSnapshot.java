package dev.promptarena.engine;

import dev.promptarena.engine.Calls.Role;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's counters at one moment, for progress lines and the report.
 *
 * @param requested         calls asked of the engine
 * @param issued            calls sent to a provider (not served from cache or journal)
 * @param attempts          HTTP requests made, retries included (equals what the server saw)
 * @param retries           attempts after the first
 * @param cacheHits         calls served from the on-disk cache, or from an identical call of the same role that was in
 *                          flight when they started (a synchronous run with the cache; no cost: it was sent once)
 * @param journalHits       calls served from this run's journal (resume), or from a batch item, answered or failed,
 *                          an identical request of the same role took first (no cost: the provider billed it once)
 * @param succeeded         calls that completed with a response (any source)
 * @param failed            calls that failed after retries (budget skips excluded)
 * @param failuresByReason  failed calls by reason, e.g. {@code FATAL 401}, {@code TRANSIENT}
 * @param byRole            tokens and cost per role
 * @param costUsd           total cost of this run: every answer, and every attempt billed without one
 * @param budgetSkipped     calls not issued because of max_cost_usd
 * @param budgetExhausted   true when the budget stopped the run (the run is partial)
 * @param unpricedModels    models without a price (their cost counts as 0)
 * @param inFlight          calls currently pending
 * @param judgeFailuresByReason of the failed calls, the judge's, by reason: judge errors (never "unparseable");
 *                              empty in snapshots written before it was recorded
 */
public record EngineSnapshot(long requested, long issued, long attempts, long retries, long cacheHits, long journalHits,
                             long succeeded, long failed, Map<String, Long> failuresByReason, Map<Role, RoleUsage> byRole,
                             double costUsd, long budgetSkipped, boolean budgetExhausted, Set<String> unpricedModels,
                             long inFlight, Map<String, Long> judgeFailuresByReason) {
    public EngineSnapshot {
        failuresByReason = Map.copyOf(failuresByReason);
        judgeFailuresByReason = judgeFailuresByReason == null ? Map.of() : Map.copyOf(judgeFailuresByReason);
        byRole = Map.copyOf(byRole);
        unpricedModels = Collections.unmodifiableSortedSet(new TreeSet<>(unpricedModels)); // sorted: reports are byte-stable
    }

    /** A snapshot without judge failures by reason (tests). */
    public EngineSnapshot(long requested, long issued, long attempts, long retries, long cacheHits, long journalHits,
                          long succeeded, long failed, Map<String, Long> failuresByReason, Map<Role, RoleUsage> byRole,
                          double costUsd, long budgetSkipped, boolean budgetExhausted, Set<String> unpricedModels, long inFlight) {
        this(requested, issued, attempts, retries, cacheHits, journalHits, succeeded, failed, failuresByReason, byRole, costUsd,
                budgetSkipped, budgetExhausted, unpricedModels, inFlight, Map.of());
    }

    /** True when some calls were not made because of the budget. */
    public boolean partial() { return budgetExhausted || budgetSkipped > 0; }

    /** Calls finished one way or another. */
    public long done() { return succeeded + failed + budgetSkipped; }
}
