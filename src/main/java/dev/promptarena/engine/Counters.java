package dev.promptarena.engine;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe tallies behind {@link EngineSnapshot}; adders so hot paths never contend on a lock. */
final class Counters {
    private static final class RoleTally {
        final LongAdder calls = new LongAdder();
        final LongAdder input = new LongAdder();
        final LongAdder output = new LongAdder();
        final DoubleAdder cost = new DoubleAdder();
    }

    final LongAdder requested = new LongAdder();
    final LongAdder issued = new LongAdder();
    final LongAdder attempts = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder journalHits = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder budgetSkipped = new LongAdder();
    final LongAdder inFlight = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> judgeFailures = new ConcurrentHashMap<>();
    private final Map<Role, RoleTally> roles = new EnumMap<>(Role.class);
    private final Map<String, Boolean> unpriced = new ConcurrentHashMap<>();

    Counters() {
        for (Role r : Role.values()) roles.put(r, new RoleTally());
    }

    void success(Role role, LlmResponse response, double costUsd) {
        succeeded.increment();
        RoleTally t = roles.get(role);
        t.calls.increment();
        t.input.add(response.usage().inputTokens());
        t.output.add(response.usage().outputTokens());
        t.cost.add(costUsd);
    }

    /**
     * Tokens and money of attempts the provider billed without an answer (a call counts them whether it then succeeded
     * or failed): part of what the role cost, not a call of its own.
     */
    void billed(Role role, Usage usage, double costUsd) {
        RoleTally t = roles.get(role);
        t.input.add(usage.inputTokens());
        t.output.add(usage.outputTokens());
        t.cost.add(costUsd);
    }

    /** Money spent on {@code role} before this session (journaled calls), counted once when the engine opens. */
    void spentBefore(Role role, double costUsd) { roles.get(role).cost.add(costUsd); }

    void failure(Role role, String reason) {
        failed.increment();
        failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
        if (role == Role.JUDGE) judgeFailures.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    void unpriced(String model) { unpriced.put(model, Boolean.TRUE); }

    EngineSnapshot snapshot(boolean budgetExhausted) {
        Map<String, Long> f = new TreeMap<>();
        failures.forEach((k, v) -> f.put(k, v.sum()));
        Map<String, Long> judge = new TreeMap<>();
        judgeFailures.forEach((k, v) -> judge.put(k, v.sum()));
        Map<Role, RoleUsage> byRole = new EnumMap<>(Role.class);
        double total = 0;
        for (Map.Entry<Role, RoleTally> e : roles.entrySet()) {
            RoleTally t = e.getValue();
            double c = t.cost.sum();
            total += c;
            byRole.put(e.getKey(), new RoleUsage(t.calls.sum(), t.input.sum(), t.output.sum(), c));
        }
        return new EngineSnapshot(requested.sum(), issued.sum(), attempts.sum(), retries.sum(), cacheHits.sum(),
                journalHits.sum(), succeeded.sum(), failed.sum(), f, byRole, total, budgetSkipped.sum(), budgetExhausted,
                unpriced.keySet(), inFlight.sum(), judge);
    }
}
