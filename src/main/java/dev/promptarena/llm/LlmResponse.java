package dev.promptarena.llm;

import java.util.Objects;

/**
 * A provider's answer.
 *
 * @param text              the assistant's text (tool-call arguments when a tool was forced)
 * @param model             the model id the provider says answered
 * @param systemFingerprint OpenAI's system_fingerprint, or null
 * @param usage             token usage
 * @param finishReason      normalized: stop, length, refusal, tool, other
 * @param latencyMillis     wall time of the successful attempt
 * @param attempts          how many attempts it took (1 = first try)
 * @param cached            true when served from the on-disk cache
 */
public record LlmResponse(String text, String model, String systemFingerprint, Usage usage,
                          String finishReason, long latencyMillis, int attempts, boolean cached) {
    public LlmResponse {
        Objects.requireNonNull(text, "text");
        usage = usage == null ? Usage.NONE : usage;
        finishReason = finishReason == null ? "stop" : finishReason;
        if (latencyMillis < 0) throw new IllegalArgumentException("latency must be >= 0, got: " + latencyMillis);
        if (attempts < 1) attempts = 1;
    }

    /** True when the provider cut the answer off at the token limit. */
    public boolean truncated() { return "length".equals(finishReason); }

    public LlmResponse withAttempts(int n) { return new LlmResponse(text, model, systemFingerprint, usage, finishReason, latencyMillis, n, cached); }

    public LlmResponse asCached() { return new LlmResponse(text, model, systemFingerprint, usage, finishReason, latencyMillis, attempts, true); }
}
