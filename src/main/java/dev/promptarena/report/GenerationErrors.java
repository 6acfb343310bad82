package dev.promptarena.report;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Side;
import dev.promptarena.util.TerminalText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Outcomes whose A or B generation failed (a provider error after its retries, a timeout, an empty or filtered reply),
 * per variant and by reason, as every report names them beside the judge's ({@link JudgeErrors}). The reason is the
 * side's recorded error text: the provider's own words are what a reader acts on ("HTTP 400: model not found"), and
 * cases.jsonl has no other record of them. That text is untrusted (a provider or proxy wrote it), so it is reduced to
 * one plain line ({@link #reason}): control characters and terminal escapes removed, anything that looks like a key
 * replaced (the HTTP layer already removed the configured key and headers; this also covers run folders it did not
 * write and keys it never knew), and cut to {@link #MAX_REASON} characters.
 *
 * @param a failed generations of A per reason
 * @param b failed generations of B per reason
 */
public record GenerationErrors(Map<String, Long> a, Map<String, Long> b) {
    /** Longest reason shown (a provider's error page can be kilobytes). */
    public static final int MAX_REASON = 160;
    /** Reasons listed per variant; the rest are summed up in one phrase. */
    public static final int SHOWN = 5;
    /** Distinct reasons kept per variant while reading; more (each failure's own request id, say) go to {@link #OTHER}. */
    static final int KEPT = 100;
    /** The bucket of failures beyond {@link #KEPT} distinct reasons. */
    static final String OTHER = "further reasons";

    /** No failure. */
    public static final GenerationErrors NONE = new GenerationErrors(Map.of(), Map.of());

    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}|\\b(?:sk|pk|rk)-[A-Za-z0-9_-]{12,}|\\b(key|token|secret)=[^\\s&\"']{6,}");

    public GenerationErrors {
        // Sorted, so the text reads the same in every JVM (Map.copyOf iterates in a per-JVM order).
        a = Collections.unmodifiableMap(new TreeMap<>(a));
        b = Collections.unmodifiableMap(new TreeMap<>(b));
    }

    /** The failed generations of {@code cases}. */
    public static GenerationErrors of(List<CaseRecord> cases) {
        Counter c = new Counter();
        cases.forEach(c::add);
        return c.result();
    }

    /** Failed generations of A. */
    public long failedA() { return total(a); }

    /** Failed generations of B. */
    public long failedB() { return total(b); }

    /**
     * One plain line from a side's error text: line breaks and tabs become spaces, escape sequences and other control
     * characters go ({@link TerminalText}), key-like strings become "[REDACTED]", runs of spaces shrink to one, and the
     * result is cut to {@link #MAX_REASON} characters. "error" when there is no text.
     */
    public static String reason(String message) {
        if (message == null || message.isBlank()) return "error";
        String line = TerminalText.plain(message.replaceAll("[\\r\\n\\t\\u000B\\f\\u0085\\u2028\\u2029]", " "));
        line = KEY_LIKE.matcher(line).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) != null ? m.group(1) + "[REDACTED]"
                : m.group(2) != null ? m.group(2) + "=[REDACTED]" : "[REDACTED]"));
        line = line.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) return "error";
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON - 1) + "…" : line;
    }

    /**
     * "A: 2 failed generations (HTTP 500: overloaded ×2)" per variant that failed, most frequent reason first, at most
     * {@link #SHOWN} reasons; empty when nothing failed.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>(2);
        line("A", a).ifPresent(out::add);
        line("B", b).ifPresent(out::add);
        return out;
    }

    /** The lines as one sentence for a paragraph ("" when nothing failed). */
    public String sentence() {
        List<String> l = lines();
        return l.isEmpty() ? "" : "Generation failures (errors, not scored): " + String.join("; ", l) + ".";
    }

    /** A's reasons as in {@link #lines()}: "HTTP 500: overloaded ×2; timeout ×1" ("" when none failed). */
    public String reasonsA() { return reasons(a); }

    /** B's reasons as in {@link #lines()}. */
    public String reasonsB() { return reasons(b); }

    private static java.util.Optional<String> line(String variant, Map<String, Long> reasons) {
        long total = total(reasons);
        if (total == 0) return java.util.Optional.empty();
        return java.util.Optional.of(variant + ": " + total + " failed generation" + (total == 1 ? "" : "s") + " (" + reasons(reasons) + ")");
    }

    private static String reasons(Map<String, Long> reasons) {
        List<Map.Entry<String, Long>> sorted = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String shown = sorted.stream().limit(SHOWN).map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining("; "));
        long rest = sorted.stream().skip(SHOWN).mapToLong(Map.Entry::getValue).sum();
        if (rest > 0) shown += "; " + rest + " more with " + (sorted.size() - SHOWN) + " other reason" + (sorted.size() - SHOWN == 1 ? "" : "s");
        return shown;
    }

    private static long total(Map<String, Long> m) { return m.values().stream().mapToLong(Long::longValue).sum(); }

    /** Counts failures case by case (for {@link CasePass}'s one read of the cases); not thread-safe. */
    static final class Counter {
        private final TreeMap<String, Long> a = new TreeMap<>(), b = new TreeMap<>();

        void add(CaseRecord r) {
            count(a, r.a());
            count(b, r.b());
        }

        private static void count(TreeMap<String, Long> into, Side s) {
            if (s == null || !s.error()) return;
            String reason = reason(s.errorMessage());
            // A reason per failure (a request id in each message) would keep a million keys: the first KEPT are kept.
            if (!into.containsKey(reason) && into.size() >= KEPT) reason = OTHER;
            into.merge(reason, 1L, Long::sum);
        }

        GenerationErrors result() { return new GenerationErrors(a, b); }
    }
}
