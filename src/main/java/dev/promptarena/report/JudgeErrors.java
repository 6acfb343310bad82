package dev.promptarena.report;

import dev.promptarena.judge.JudgeFailure;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judge calls that failed (a transient failure after its retries, any other at once), by reason. They are errors, never unparseable replies: an
 * outcome whose every judge call failed is an error outcome (counted by {@code error_rate_max}); a failed call
 * beside a readable one only lowers that outcome's votes. Every report names them the same way.
 *
 * @param outcomes error outcomes caused by the judge (both sides generated)
 * @param calls    failed judge calls
 * @param byReason failed judge calls per reason (rate limited, timeout, server error, HTTP status...)
 */
public record JudgeErrors(int outcomes, long calls, Map<String, Long> byReason) {
    public JudgeErrors {
        // Sorted by reason, so reasons() reads the same in every JVM (Map.copyOf iterates in a per-JVM order).
        byReason = java.util.Collections.unmodifiableMap(new TreeMap<>(byReason));
    }

    /** The run's judge errors: outcome count from the analysis, reasons from the recorded traces. */
    public static JudgeErrors of(int errorOutcomes, List<CaseRecord> cases) {
        Map<String, Long> reasons = cases.stream().flatMap(c -> c.traces().stream())
                .filter(JudgeErrors::failed)
                .collect(Collectors.groupingBy(JudgeFailure::reasonOf, TreeMap::new, Collectors.counting()));
        return new JudgeErrors(errorOutcomes, reasons.values().stream().mapToLong(Long::longValue).sum(), reasons);
    }

    public static JudgeErrors of(ReportModel m) {
        return of(m.analysis().operations().judgeErrorOutcomes(), m.cases());
    }

    /** "server error, HTTP 500 ×3; timeout ×1", in reason order. */
    public String reasons() {
        return byReason.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** A sentence for the summaries, or "" when no judge call failed. */
    public String sentence() {
        if (calls == 0) return "";
        return outcomes + " of the errors are judge errors (every judge call of the outcome failed); " + calls
                + " judge call" + (calls == 1 ? "" : "s") + " failed (" + reasons() + "; a transient failure only after its retries, others at once).";
    }

    private static boolean failed(JudgeTrace t) { return t.status() == JudgeStatus.FAILED; }
}
