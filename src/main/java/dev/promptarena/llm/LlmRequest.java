package dev.promptarena.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A provider-neutral chat request.
 *
 * @param model          model id as the provider knows it
 * @param system         system prompt, or null
 * @param messages       the conversation, ending with the user turn to answer
 * @param decoding       decoding settings
 * @param responseSchema JSON schema the reply must follow (structured output), or null
 * @param sample         repeat index; part of the cache identity so repeats are distinct samples
 * @param repeat         the case repeat a judge call belongs to (0 for generations, whose sample is
 *                       the repeat): repeat 1 can present the judge the very same pair as repeat 0
 *                       (deterministic outputs), and without it in the key the second call would be
 *                       served from the cache or not depending on timing. Omitted from the
 *                       normalized JSON when 0, so keys of repeat 0 are unchanged.
 */
public record LlmRequest(String model, String system, List<ChatMessage> messages, Decoding decoding,
                         JsonNode responseSchema, int sample,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) int repeat) {
    /** A request outside any judge repeat. */
    public LlmRequest(String model, String system, List<ChatMessage> messages, Decoding decoding, JsonNode responseSchema, int sample) {
        this(model, system, messages, decoding, responseSchema, sample, 0);
    }

    public LlmRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("messages must not be empty");
        decoding = decoding == null ? Decoding.UNSET : decoding;
        if (sample < 0) throw new IllegalArgumentException("sample must be >= 0, got: " + sample);
        if (repeat < 0) throw new IllegalArgumentException("repeat must be >= 0, got: " + repeat);
    }

    public LlmRequest withMessages(List<ChatMessage> newMessages) {
        return new LlmRequest(model, system, newMessages, decoding, responseSchema, sample, repeat);
    }

    /** The text of the last user message. */
    public String lastUserText() { return messages.get(messages.size() - 1).content(); }
}
