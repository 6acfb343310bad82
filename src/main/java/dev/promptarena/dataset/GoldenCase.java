package dev.promptarena.dataset;

import dev.promptarena.llm.ChatMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        // The file's order, not Map.copyOf's: that order changes with every JVM start, and the question text of a
        // recorded variant without a template lists the fields in map order, so cases.jsonl would differ
        // between two identical runs.
        fields = inFileOrder(fields);
        tags = inFileOrder(tags);
        messages = List.copyOf(messages);
    }

    private static Map<String, String> inFileOrder(Map<String, String> m) {
        Map<String, String> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
        return Collections.unmodifiableMap(copy);
    }
}
