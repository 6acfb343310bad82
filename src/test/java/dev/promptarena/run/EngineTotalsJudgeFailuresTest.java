package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.engine.EngineSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shards' failed judge calls add up by reason like every other counter (issue 14 item 8). */
class EngineTotalsJudgeFailuresTest {
    private static EngineSnapshot shard(Map<String, Long> all, Map<String, Long> judge) {
        long failed = all.values().stream().mapToLong(Long::longValue).sum();
        return new EngineSnapshot(10, 10, 10, 0, 0, 0, 10 - failed, failed, all, Map.of(), 0.1, 0, false, Set.of(), 0, judge);
    }

    @Test
    void judgeFailuresAreSummedByReason() {
        // An immutable List.of: the sum must not ask it contains(null), which List.of rejects.
        EngineSnapshot sum = EngineTotals.sum(List.of(
                shard(Map.of("TRANSIENT 500", 2L, "RATE_LIMITED 429", 1L), Map.of("TRANSIENT 500", 1L)),
                shard(Map.of("TRANSIENT 500", 1L), Map.of("TRANSIENT 500", 1L, "RATE_LIMITED 429", 0L))));
        assertEquals(Map.of("TRANSIENT 500", 3L, "RATE_LIMITED 429", 1L), sum.failuresByReason());
        assertEquals(Map.of("TRANSIENT 500", 2L, "RATE_LIMITED 429", 0L), sum.judgeFailuresByReason());
        assertEquals(4, sum.failed());
    }
}
