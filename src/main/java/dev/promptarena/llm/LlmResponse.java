package dev.promptarena.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A provider's answer.
 *
 * @param text              the assistant's text (tool-call arguments when a tool was forced)
 * @param model             the model id the provider says answered
 * @param systemFingerprint OpenAI's system_fingerprint, or null
 * @param usage             token usage of the answer
 * @param finishReason      normalized: stop, length, refusal, tool, other
 * @param latencyMillis     wall time of the successful attempt
 * @param attempts          how many attempts it took (1 = first try)
 * @param cached            true when served from the on-disk cache
 * @param billedBefore      tokens of this call's earlier attempts the provider billed without an answer (a 200 with
 *                          usage but no reply): part of what getting this answer cost, so a case's cost counts them.
 *                          Left out of the JSON when none, so journal and cache lines stay as they were
 */
public record LlmResponse(String text, String model, String systemFingerprint, Usage usage,
                          String finishReason, long latencyMillis, int attempts, boolean cached,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoTokens.class) Usage billedBefore) {
    public LlmResponse {
        Objects.requireNonNull(text, "text");
        usage = usage == null ? Usage.NONE : usage;
        billedBefore = billedBefore == null ? Usage.NONE : billedBefore;
        finishReason = finishReason == null ? "stop" : finishReason;
        if (latencyMillis < 0) throw new IllegalArgumentException("latency must be >= 0, got: " + latencyMillis);
        if (attempts < 1) attempts = 1;
    }

    /** An answer with no earlier attempt billed (what a codec decodes). */
    public LlmResponse(String text, String model, String systemFingerprint, Usage usage, String finishReason, long latencyMillis,
                       int attempts, boolean cached) {
        this(text, model, systemFingerprint, usage, finishReason, latencyMillis, attempts, cached, Usage.NONE);
    }

    /** True when the provider cut the answer off at the token limit. */
    public boolean truncated() { return "length".equals(finishReason); }

    /** Every token the call was billed for: the answer's and those of its attempts billed without one. */
    public Usage allBilled() { return usage.plus(billedBefore); }

    public LlmResponse withAttempts(int n) { return new LlmResponse(text, model, systemFingerprint, usage, finishReason, latencyMillis, n, cached, billedBefore); }

    public LlmResponse asCached() { return new LlmResponse(text, model, systemFingerprint, usage, finishReason, latencyMillis, attempts, true, billedBefore); }

    /** This answer after {@code earlier} tokens were billed for attempts without one. */
    public LlmResponse withBilledBefore(Usage earlier) {
        return new LlmResponse(text, model, systemFingerprint, usage, finishReason, latencyMillis, attempts, cached, earlier);
    }

    /** Jackson's filter for {@link #billedBefore}: "equal" (so left out) when there is nothing to say. */
    public static final class NoTokens {
        @Override
        public boolean equals(Object value) { return value == null || Usage.NONE.equals(value); }

        @Override
        public int hashCode() { return 0; }
    }
}
