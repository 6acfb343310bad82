package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationErrorsTest {
    private static final Side OK = new Side("an answer", 10, 0, 3, false, null, false);

    private static Side failed(String message) { return new Side("", 10, 0, 0, true, message, false); }

    private static CaseRecord record(int i, Side a, Side b) {
        return new CaseRecord("c" + i, 0, Map.of(), "q", a, b, List.of());
    }

    @Test
    void aReasonIsOnePlainBoundedLineWithoutKeys() {
        assertEquals("HTTP 401: bad key [REDACTED] (Bearer [REDACTED]) key=[REDACTED] x", GenerationErrors.reason(
                "HTTP 401:\n bad key sk-proj-abcdefghijklmnop1234 (Bearer eyJhbGciOiJIUzI1NiJ9.payload)\r\n key=AIzaSyA1234567 \u001B[31mx\u001B[0m"));
        assertEquals("timeout title gone", GenerationErrors.reason("timeout\u001B]0;title\u0007 title\u009B gone\u0000"));
        assertEquals("error", GenerationErrors.reason(null));
        assertEquals("error", GenerationErrors.reason(" \u001B[2J "));
        String longest = GenerationErrors.reason("x".repeat(5000));
        assertEquals(GenerationErrors.MAX_REASON, longest.length());
        assertTrue(longest.endsWith("…"), longest);
    }

    @Test
    void failuresAreCountedPerVariantMostFrequentReasonFirst() {
        List<CaseRecord> cases = new ArrayList<>();
        cases.add(record(0, OK, OK));
        cases.add(record(1, failed("HTTP 500: internal"), OK));
        cases.add(record(2, OK, failed("timeout after 30000 ms")));
        cases.add(record(3, OK, failed("empty reply from the model (finish reason: refusal)")));
        cases.add(record(4, failed("HTTP 500: internal"), failed("empty reply from the model (finish reason: refusal)")));
        GenerationErrors e = GenerationErrors.of(cases);
        assertEquals(2, e.failedA());
        assertEquals(3, e.failedB());
        assertEquals(List.of("A: 2 failed generations (HTTP 500: internal ×2)",
                "B: 3 failed generations (empty reply from the model (finish reason: refusal) ×2; timeout after 30000 ms ×1)"), e.lines());
        assertEquals("", GenerationErrors.of(List.of(record(0, OK, OK))).sentence());
    }

    @Test
    void manyReasonsAreBoundedInTheTextAndInMemory() {
        List<CaseRecord> cases = new ArrayList<>();
        // Every failure its own request id: one reason each.
        for (int i = 0; i < GenerationErrors.KEPT + 20; i++) cases.add(record(i, OK, failed("HTTP 503: busy, request id r" + i)));
        GenerationErrors e = GenerationErrors.of(cases);
        assertEquals(GenerationErrors.KEPT + 1, e.b().size(), "the first KEPT reasons and one bucket for the rest");
        assertEquals(20, e.b().get(GenerationErrors.OTHER));
        String line = e.lines().get(0);
        assertTrue(line.startsWith("B: 120 failed generations (further reasons ×20; HTTP 503: busy, request id r0 ×1;"), line);
        assertTrue(line.endsWith("; 96 more with 96 other reasons)"), line);
    }
}
