package dev.promptarena.engine;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One completed call, one line of {@code journal.jsonl}. Exactly one of response / failure is set.
 *
 * @param key       content address of the request (same as the cache key)
 * @param role      A, B or JUDGE
 * @param provider  the provider key from the config
 * @param request   the normalized request as JSON text (no key, no headers; {@link RequestKeys#normalized}),
 *                  written into the line as it is; null when read back (no reader needs it)
 * @param response  the answer (with latency, attempts and the cached flag), or null
 * @param failure   the final failure, or null
 * @param costUsd   what the call cost (0 when served from the cache or unpriced)
 * @param atMillis  wall-clock time the call completed (epoch millis)
 */
public record JournalEntry(String key, String role, String provider, @JsonRawValue String request,
                           dev.promptarena.llm.LlmResponse response, CallFailure failure, double costUsd, long atMillis) {
    public JournalEntry {
        String broken = brokenRule(key, role, response != null, failure != null);
        if (broken != null) throw new IllegalArgumentException(broken);
    }

    /**
     * The rules every journal line obeys, stated once: this constructor and the streaming parse on resume
     * ({@link JournalLine}, which binds no entry) both ask here, so a rule added later holds on both paths.
     *
     * @return the first rule broken, or null when none is
     */
    static String brokenRule(String key, String role, boolean hasResponse, boolean hasFailure) {
        if (key == null || role == null) return "key and role are required";
        if (hasResponse == hasFailure) return "exactly one of response and failure must be set";
        return null;
    }

    /** Journal lookups are per role: A and B may send identical requests but are accounted apart. */
    public String slot() { return slot(role, key); }

    public static String slot(String role, String key) { return role + ":" + key; }

    public boolean succeeded() { return response != null; }
}
