package dev.promptarena.llm.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a server asked us to wait. Sources, in order of authority:
 * <ol>
 *   <li>{@code Retry-After} (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date;</li>
 *   <li>{@code retry-after-ms} (sent by OpenAI and Azure, finer than seconds);</li>
 *   <li>OpenAI-style {@code x-ratelimit-reset-requests} / {@code x-ratelimit-reset-tokens}
 *       (Go durations such as {@code 1s}, {@code 6m0s}, {@code 20ms}) — for the bucket that is
 *       exhausted when {@code x-ratelimit-remaining-*} says so, otherwise the longer one;</li>
 *   <li>Anthropic's {@code anthropic-ratelimit-*-reset} (RFC 3339 instants).</li>
 * </ol>
 */
public final class RetryAfter {
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");

    private RetryAfter() {}

    /** The requested wait, or empty when the headers say nothing usable. Never negative. */
    public static Optional<Duration> from(HttpHeaders headers, Clock clock) {
        Optional<Duration> ra = headers.firstValue("retry-after").flatMap(v -> parseRetryAfter(v, clock));
        if (ra.isPresent()) return ra;
        Optional<Duration> ms = headers.firstValue("retry-after-ms").flatMap(RetryAfter::parseMillis);
        if (ms.isPresent()) return ms;
        Optional<Duration> req = headers.firstValue("x-ratelimit-reset-requests").flatMap(RetryAfter::parseGoDuration);
        Optional<Duration> tok = headers.firstValue("x-ratelimit-reset-tokens").flatMap(RetryAfter::parseGoDuration);
        boolean reqOut = headers.firstValue("x-ratelimit-remaining-requests").map("0"::equals).orElse(false);
        boolean tokOut = headers.firstValue("x-ratelimit-remaining-tokens").map("0"::equals).orElse(false);
        Optional<Duration> openAi = reqOut && !tokOut ? req : tokOut && !reqOut ? tok : longer(req, tok);
        if (openAi.isPresent()) return openAi;
        return longer(headers.firstValue("anthropic-ratelimit-requests-reset").flatMap(v -> parseInstant(v, clock)),
                headers.firstValue("anthropic-ratelimit-tokens-reset").flatMap(v -> parseInstant(v, clock)));
    }

    /** RFC 9110: {@code Retry-After = HTTP-date / delay-seconds}. A date in the past means "now". */
    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.trim();
        if (v.isEmpty()) return Optional.empty();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            // RFC 1123 is the IMF-fixdate form RFC 9110 requires senders to use.
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Go-style durations as OpenAI sends them: {@code 1s}, {@code 6m0s}, {@code 1h2m3.5s}, {@code 20ms}. */
    public static Optional<Duration> parseGoDuration(String value) {
        String v = value.trim();
        Matcher m = GO_DURATION.matcher(v);
        double nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) return Optional.empty();
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "h" -> 3.6e12;
                case "m" -> 6e10;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                default -> 1;
            };
            end = m.end();
        }
        if (end == 0 || end != v.length()) return Optional.empty();
        return Optional.of(Duration.ofNanos((long) nanos));
    }

    private static Optional<Duration> parseMillis(String v) {
        try {
            return Optional.of(nonNegative(Duration.ofNanos((long) (Double.parseDouble(v.trim()) * 1e6))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseInstant(String v, Clock clock) {
        try {
            return Optional.of(nonNegative(Duration.between(clock.instant(), Instant.parse(v.trim()))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static Duration nonNegative(Duration d) { return d.isNegative() ? Duration.ZERO : d; }
}
