package dev.promptarena.llm;

/** Token counts reported by the provider (0 when it reported none). */
public record Usage(long inputTokens, long outputTokens) {
    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) throw new IllegalArgumentException("token counts must be >= 0: " + inputTokens + ", " + outputTokens);
    }

    public Usage plus(Usage other) { return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens); }
}
