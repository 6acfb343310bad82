package dev.promptarena.stats;

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
 */
public record Side(String output, long latencyMillis, double costUsd, long outputTokens, boolean error,
                   String errorMessage, boolean truncated) {
    public Side {
        output = output == null ? "" : output;
    }

    /** Whitespace-separated word count, the length measure used for verbosity analysis. */
    public int words() {
        String t = output.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
