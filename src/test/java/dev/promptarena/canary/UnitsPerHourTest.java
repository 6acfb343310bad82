package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --units-per-hour N and METRIC=N: which rate gets which traffic, and what is refused. */
class UnitsPerHourTest {
    private static Guardrail rate(String metric, Direction d, double limit) {
        return new Guardrail(metric, d, limit, 2, Response.PAUSE, null, "");
    }

    @Test
    void aNamedRateHasItsOwnTrafficAndTheBareNumberServesTheRest() {
        UnitsPerHour u = UnitsPerHour.parse(List.of("10000", " task_completed_rate = 35000 "));
        assertEquals(35000.0, u.of("task_completed_rate"));
        assertEquals(10000.0, u.of("error_rate"));
        assertNull(UnitsPerHour.parse(List.of("task_completed_rate=35000")).of("error_rate"), "no bare number: no traffic for the others");
        assertEquals(UnitsPerHour.NONE, UnitsPerHour.parse(List.of()));

        List<Guardrail> gs = List.of(rate("error_rate", Direction.MAX, 0.001), rate("task_completed_rate", Direction.MIN, 0.55),
                rate("latency_p95_ms", Direction.MAX, 3000));
        // 20% stage, 1-hour windows: 2,000 requests and 7,000 turns; latency is not a rate.
        assertEquals(Map.of("error_rate", StageLimits.at(gs.subList(0, 1), 2000, 0.01).get("error_rate"),
                "task_completed_rate", StageLimits.at(gs.subList(1, 2), 7000, 0.01).get("task_completed_rate")), u.stageLimits(gs, 20, 1));
    }

    @Test
    void whatWouldSizeNothingOrIsAmbiguousIsRefused() {
        assertEquals("--units-per-hour: expected N or METRIC=N, got '=5'",
                assertThrows(IllegalArgumentException.class, () -> UnitsPerHour.parse(List.of("=5"))).getMessage());
        assertEquals("--units-per-hour: error_rate is given twice",
                assertThrows(IllegalArgumentException.class, () -> UnitsPerHour.parse(List.of("error_rate=5", "error_rate=6"))).getMessage());
        assertEquals("--units-per-hour must be a finite number > 0, got '-3'", assertThrows(IllegalArgumentException.class, () -> UnitsPerHour.parse(List.of("-3"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitsPerHour.parse(List.of("Infinity")));
        UnitsPerHour typo = UnitsPerHour.parse(List.of("task_completion_rate=100"));
        assertEquals("--units-per-hour: task_completion_rate is not a rate guardrail of the plan (rate guardrails: task_completed_rate)",
                assertThrows(IllegalArgumentException.class, () -> typo.requireRates(List.of(rate("task_completed_rate", Direction.MIN, 0.55),
                        rate("latency_p95_ms", Direction.MAX, 3000)))).getMessage());
    }
}
