package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.stats.Interval;
import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void formatsIndependentlyOfTheMachineLocale() {
        assertEquals("80.9%", Fmt.pct(0.8088235294117647));
        assertEquals("[64.8%, 90.7%]", Fmt.pctInterval(new Interval(0.6483, 0.9066, 0.95, "wilson")));
        assertEquals("95% wilson", Fmt.method(new Interval(0.6483, 0.9066, 0.95, "wilson")));
        assertEquals("+1.03", Fmt.signed(1.0294, 2));
        assertEquals("-0.26", Fmt.signed(-0.2647, 2));
        assertEquals("0.00824", Fmt.p(0.008238));
        assertEquals("< 0.0001", Fmt.p(5.4e-6));
        assertEquals(Fmt.NONE, Fmt.pct(null));
    }

    @Test
    void guardrailValuesUseTheMetricsUnit() {
        assertEquals("5.0%", Fmt.metric("error_rate_max", 0.05));
        assertEquals("53.4%", Fmt.metric("length_growth_max", 0.5336));
        assertEquals("1000", Fmt.metric("latency_p95_increase_ms", 1000.0));
        assertEquals("$0.000400", Fmt.metric("cost_per_case_increase_usd", 0.0004));
        assertEquals("0.26", Fmt.metric("axis_drop_max", 0.2647));
    }

    @Test
    void fileSizesInBinaryUnits() {
        assertEquals("512 B", Fmt.bytes(512));
        assertEquals("109.4 KB", Fmt.bytes(112_026));
        assertEquals("1.2 MB", Fmt.bytes(1_258_291));
    }
}
