package dev.promptarena.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    private static HttpHeaders headers(Map<String, String> m) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        m.forEach((k, v) -> h.put(k, List.of(v)));
        return HttpHeaders.of(h, (a, b) -> true);
    }

    @Test
    void delaySecondsPerRfc9110() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parseRetryAfter("120", clock));
    }

    @Test
    void httpDatePerRfc9110() {
        // RFC 9110 §10.2.3 example date; the clock is 120 s earlier.
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parseRetryAfter("Wed, 21 Oct 2015 07:30:00 GMT", clock));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", clock), "past date = now");
        assertTrue(RetryAfter.parseRetryAfter("soon", clock).isEmpty());
    }

    @Test
    void goDurationsAsOpenAiSendsThem() {
        assertEquals(Duration.ofSeconds(1), RetryAfter.parseGoDuration("1s").orElseThrow());
        assertEquals(Duration.ofMinutes(6), RetryAfter.parseGoDuration("6m0s").orElseThrow());
        assertEquals(Duration.ofMillis(20), RetryAfter.parseGoDuration("20ms").orElseThrow());
        assertEquals(Duration.ofMillis(90_500), RetryAfter.parseGoDuration("1m30.5s").orElseThrow());
        assertTrue(RetryAfter.parseGoDuration("abc").isEmpty());
    }

    @Test
    void resetHeadersPickTheExhaustedBucket() {
        HttpHeaders h = headers(Map.of("x-ratelimit-reset-requests", "2s", "x-ratelimit-reset-tokens", "40s",
                "x-ratelimit-remaining-requests", "0", "x-ratelimit-remaining-tokens", "5000"));
        assertEquals(Duration.ofSeconds(2), RetryAfter.from(h, clock).orElseThrow());
        HttpHeaders noRemaining = headers(Map.of("x-ratelimit-reset-requests", "2s", "x-ratelimit-reset-tokens", "40s"));
        assertEquals(Duration.ofSeconds(40), RetryAfter.from(noRemaining, clock).orElseThrow());
    }

    @Test
    void retryAfterWinsOverResetHeaders() {
        HttpHeaders h = headers(Map.of("retry-after", "3", "x-ratelimit-reset-tokens", "40s"));
        assertEquals(Duration.ofSeconds(3), RetryAfter.from(h, clock).orElseThrow());
        HttpHeaders ms = headers(Map.of("retry-after-ms", "250"));
        assertEquals(Duration.ofMillis(250), RetryAfter.from(ms, clock).orElseThrow());
        HttpHeaders anthropic = headers(Map.of("anthropic-ratelimit-requests-reset", "2015-10-21T07:28:09Z"));
        assertEquals(Duration.ofSeconds(9), RetryAfter.from(anthropic, clock).orElseThrow());
    }
}
