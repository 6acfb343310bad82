package dev.promptarena.recorded;

import dev.promptarena.stats.Side;
import java.util.Objects;

/**
 * One response produced outside prompt-arena (logs, another tool), read from a recorded-responses file.
 *
 * @param output        the response text (may be empty)
 * @param latencyMillis generation latency as recorded, or 0 when the file has none
 * @param outputTokens  output tokens as recorded, or 0
 * @param costUsd       generation cost as recorded, or 0
 * @param line          line of the file it came from (for error messages)
 */
public record RecordedOutput(String output, long latencyMillis, long outputTokens, double costUsd, int line) {
    public RecordedOutput {
        Objects.requireNonNull(output, "output");
        if (latencyMillis < 0 || outputTokens < 0 || !(costUsd >= 0)) throw new IllegalArgumentException("latency, tokens and cost must be >= 0");
    }

    /** The side the statistics see: never an error (a recorded response exists), never marked truncated. */
    public Side toSide() { return new Side(output, latencyMillis, costUsd, outputTokens, false, null, false); }
}
