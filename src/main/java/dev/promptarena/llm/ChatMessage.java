package dev.promptarena.llm;

import java.util.Objects;
import java.util.Set;

/** One turn of a conversation: role is system, user or assistant. */
public record ChatMessage(String role, String content) {
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public ChatMessage {
        Objects.requireNonNull(content, "content");
        if (!ROLES.contains(role)) throw new IllegalArgumentException("role must be one of " + ROLES + ", got: " + role);
    }

    public static ChatMessage user(String content) { return new ChatMessage("user", content); }
    public static ChatMessage assistant(String content) { return new ChatMessage("assistant", content); }
}
