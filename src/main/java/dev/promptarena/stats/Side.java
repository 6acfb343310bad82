package dev.promptarena.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one variant produced for one case.
 *
 * @param output        the response text ("" when generation failed)
 * @param latencyMillis generation latency
 * @param costUsd       generation cost
 * @param outputTokens  output tokens as reported by the provider
 * @param error         generation failed after retries (the error text is in {@code errorMessage})
 * @param errorMessage  why it failed, or null
 * @param truncated     cut off at the token limit
 * @param checks        rubric check name to pass/fail (empty when the rubric has no checks;
 *                      a check that did not apply to this case is absent)
 * @param similarity    cosine similarity to the case's reference answer, or null when not computed
 */
public record Side(String output, long latencyMillis, double costUsd, long outputTokens, boolean error,
                   String errorMessage, boolean truncated, Map<String, Boolean> checks, Double similarity) {
    public Side {
        output = output == null ? "" : output;
        // Insertion order is rubric order (CheckReport.passed()); keep it so reports list checks as the rubric does.
        // No copy for the common empty map: two per case, ~160 bytes a case that the analysis of 100,000 cases kept (issue 21).
        checks = checks == null || checks.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        if (similarity != null && !(similarity >= -1 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in [-1, 1], got: " + similarity);
        }
    }

    /** A side without check results, as before rubric checks existed. */
    public Side(String output, long latencyMillis, double costUsd, long outputTokens, boolean error,
                String errorMessage, boolean truncated) {
        this(output, latencyMillis, costUsd, outputTokens, error, errorMessage, truncated, Map.of(), null);
    }

    /** This side with check results attached (from {@code CheckReport.passed()} and {@code similarity()}). */
    public Side withChecks(Map<String, Boolean> checks, Double similarity) {
        return new Side(output, latencyMillis, costUsd, outputTokens, error, errorMessage, truncated, checks, similarity);
    }

    /** Whitespace-separated word count, the length measure used for verbosity analysis. */
    public int words() {
        String t = output.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
