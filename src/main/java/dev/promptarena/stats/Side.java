package dev.promptarena.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one variant produced for one case.
 *
 * @param output        the response text ("" when generation failed, or in the analysis's text-free outcomes)
 * @param latencyMillis generation latency
 * @param costUsd       generation cost
 * @param outputTokens  output tokens as reported by the provider
 * @param error         generation failed after retries (the error text is in {@code errorMessage})
 * @param errorMessage  why it failed, or null
 * @param truncated     cut off at the token limit
 * @param checks        rubric check name to pass/fail (empty when the rubric has no checks;
 *                      a check that did not apply to this case is absent)
 * @param similarity    cosine similarity to the case's reference answer, or null when not computed
 * @param words         whitespace-separated word count of the output, the length measure of the verbosity analysis;
 *                      0 means "count it in {@code output}", so a side built from its text always has its true count
 *                      and the analysis's columns can rebuild a side with its count and no text (not written to JSON:
 *                      it is derived from {@code output})
 */
public record Side(String output, long latencyMillis, double costUsd, long outputTokens, boolean error,
                   String errorMessage, boolean truncated, Map<String, Boolean> checks, Double similarity,
                   @JsonIgnore int words) {
    public Side {
        output = output == null ? "" : output;
        // Insertion order is rubric order (CheckReport.passed()); keep it so reports list checks as the rubric does.
        // No copy for the common empty map: two per case, ~160 bytes a case that the analysis of 100,000 cases kept (issue 21).
        checks = checks == null || checks.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        if (similarity != null && !(similarity >= -1 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in [-1, 1], got: " + similarity);
        }
        if (words < 0) throw new IllegalArgumentException("words must be >= 0, got: " + words);
        if (words == 0) words = countWords(output);
    }

    /** A side whose word count is read from its text. */
    public Side(String output, long latencyMillis, double costUsd, long outputTokens, boolean error,
                String errorMessage, boolean truncated, Map<String, Boolean> checks, Double similarity) {
        this(output, latencyMillis, costUsd, outputTokens, error, errorMessage, truncated, checks, similarity, 0);
    }

    /** A side without check results, as before rubric checks existed. */
    public Side(String output, long latencyMillis, double costUsd, long outputTokens, boolean error,
                String errorMessage, boolean truncated) {
        this(output, latencyMillis, costUsd, outputTokens, error, errorMessage, truncated, Map.of(), null, 0);
    }

    /** This side with check results attached (from {@code CheckReport.passed()} and {@code similarity()}). */
    public Side withChecks(Map<String, Boolean> checks, Double similarity) {
        return new Side(output, latencyMillis, costUsd, outputTokens, error, errorMessage, truncated, checks, similarity, words);
    }

    /**
     * The number of words of {@code text}: {@code text.strip().split("\\s+").length}, 0 for blank text, counted in one
     * pass without a regex. After strip() the text neither starts nor ends with a regex \s character (all of them are
     * Character.isWhitespace), so the words are one more than the runs of \s inside it.
     */
    static int countWords(String text) {
        int from = 0, to = text.length();
        while (from < to && Character.isWhitespace(text.codePointAt(from))) from += Character.charCount(text.codePointAt(from));
        while (to > from && Character.isWhitespace(text.codePointBefore(to))) to -= Character.charCount(text.codePointBefore(to));
        if (from == to) return 0;
        int words = 1;
        boolean inGap = false;
        for (int i = from; i < to; i++) {
            boolean gap = isRegexSpace(text.charAt(i));
            if (gap && !inGap) words++;
            inGap = gap;
        }
        return words;
    }

    /** The characters of the regex class \s without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
