package dev.promptarena.judge;

import dev.promptarena.llm.ProviderException;
import java.util.Locale;

/**
 * Why a judge call failed after its retries, in words a reader acts on (rate limit, timeout, server error...).
 * The reason is written at the head of the trace's error ("judge call failed (server error, HTTP 500): ...")
 * so reports can count failures by reason from cases.jsonl alone, older run folders included.
 */
public final class JudgeFailure {
    static final String PREFIX = "judge call failed";

    private JudgeFailure() {}

    /** The trace error for a judge call that failed with {@code cause}. */
    static String error(Throwable cause) {
        return PREFIX + " (" + reason(cause) + "): " + cause.getMessage();
    }

    /** The reason of a failure: the provider's classification and HTTP status, or what broke without one. */
    static String reason(Throwable cause) {
        if (!(cause instanceof ProviderException p)) return "error";
        String status = p.status() > 0 ? ", HTTP " + p.status() : "";
        return switch (p.kind()) {
            case RATE_LIMITED -> "rate limited" + status;
            case TRANSIENT -> p.status() >= 500 ? "server error" + status
                    : timeout(p.getMessage()) ? "timeout" : p.status() > 0 ? "provider error" + status : "connection error";
            case FATAL -> "provider error" + status;
        };
    }

    private static boolean timeout(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("timed out") || m.contains("timeout") || m.contains("deadline");
    }

    /**
     * The reason a failed trace records: the text in parentheses after "judge call failed", or "unknown" for a
     * trace written before reasons were recorded.
     */
    public static String reasonOf(JudgeTrace trace) {
        String e = trace.error() == null ? "" : trace.error();
        if (e.startsWith(PREFIX + " (")) {
            int end = e.indexOf("):", PREFIX.length());
            if (end > 0) return e.substring(PREFIX.length() + 2, end);
        }
        return "unknown";
    }
}
