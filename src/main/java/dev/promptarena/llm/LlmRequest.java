package dev.promptarena.llm;

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
 */
public record LlmRequest(String model, String system, List<ChatMessage> messages, Decoding decoding,
                         JsonNode responseSchema, int sample) {
    public LlmRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("messages must not be empty");
        decoding = decoding == null ? Decoding.UNSET : decoding;
        if (sample < 0) throw new IllegalArgumentException("sample must be >= 0, got: " + sample);
    }

    public LlmRequest withMessages(List<ChatMessage> newMessages) {
        return new LlmRequest(model, system, newMessages, decoding, responseSchema, sample);
    }

    /** The text of the last user message. */
    public String lastUserText() { return messages.get(messages.size() - 1).content(); }
}
