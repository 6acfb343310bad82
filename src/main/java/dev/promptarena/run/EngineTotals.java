package dev.promptarena.run;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.RoleUsage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The engine counters of several shards of one run, added up as if one engine had made every call. */
final class EngineTotals {
    private EngineTotals() {}

    /** The sum; null when any shard predates engine.json (a partial sum would understate the cost). */
    static EngineSnapshot sum(List<EngineSnapshot> shards) {
        if (shards.isEmpty() || shards.stream().anyMatch(java.util.Objects::isNull)) return null; // List.of(...).contains(null) throws
        long requested = 0, issued = 0, attempts = 0, retries = 0, cacheHits = 0, journalHits = 0, succeeded = 0, failed = 0, skipped = 0;
        double cost = 0;
        boolean exhausted = false;
        Map<String, Long> failures = new TreeMap<>();
        Map<String, Long> judgeFailures = new TreeMap<>();
        Map<Role, RoleUsage> byRole = new EnumMap<>(Role.class);
        TreeSet<String> unpriced = new TreeSet<>();
        for (EngineSnapshot s : shards) {
            requested += s.requested();
            issued += s.issued();
            attempts += s.attempts();
            retries += s.retries();
            cacheHits += s.cacheHits();
            journalHits += s.journalHits();
            succeeded += s.succeeded();
            failed += s.failed();
            skipped += s.budgetSkipped();
            cost += s.costUsd();
            exhausted |= s.budgetExhausted();
            s.failuresByReason().forEach((k, v) -> failures.merge(k, v, Long::sum));
            s.judgeFailuresByReason().forEach((k, v) -> judgeFailures.merge(k, v, Long::sum));
            s.byRole().forEach((role, u) -> byRole.merge(role, u, (x, y) -> new RoleUsage(x.calls() + y.calls(),
                    x.inputTokens() + y.inputTokens(), x.outputTokens() + y.outputTokens(), x.costUsd() + y.costUsd())));
            unpriced.addAll(s.unpricedModels());
        }
        return new EngineSnapshot(requested, issued, attempts, retries, cacheHits, journalHits, succeeded, failed, failures, byRole, cost,
                skipped, exhausted, unpriced, 0, judgeFailures);
    }
}
