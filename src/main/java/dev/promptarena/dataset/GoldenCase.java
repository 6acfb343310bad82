package dev.promptarena.dataset;

import dev.promptarena.llm.ChatMessage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One golden case.
 *
 * @param id        unique id
 * @param fields    input fields the user template may use ({{field}})
 * @param reference golden answer, or null
 * @param context   material the judge needs (e.g. policy text), or null
 * @param tags      segment tags such as category and difficulty
 * @param messages  conversation so far for multi-turn cases (empty for single-turn)
 * @param line      line in the source file (for error messages)
 */
public record GoldenCase(String id, Map<String, String> fields, String reference, String context,
                         Map<String, String> tags, List<ChatMessage> messages, int line) {
    public GoldenCase {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        fields = Map.copyOf(fields);
        tags = Map.copyOf(tags);
        messages = List.copyOf(messages);
    }
}
