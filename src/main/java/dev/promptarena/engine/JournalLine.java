package dev.promptarena.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.io.IOException;

/**
 * Reads one line of {@code journal.jsonl} with Jackson's streaming parser, binding only what the caller needs.
 * Opening a journal for resume needs of each line its slot, whether it succeeded and its cost ({@link Head}); the
 * answer and the request (a judge call's holds both generations) are skipped token by token, not built into objects.
 * Before, the open bound every line in full and resume bound each answer a second time when its case came up
 * (issue 21, branch journal); now a line is bound once, and only its answer. Every token is still read, so a line
 * that is not valid JSON is still refused at open.
 */
final class JournalLine {
    private JournalLine() {}

    /**
     * What the open keeps of a line: its slot (role and key), whether it succeeded, its cost, and the tokens billed
     * without an answer that the line's cost paid for: those before a sent answer ({@code billedBefore}; none for a cache
     * hit, which this run did not pay for), or those of a failed call (its failure's {@code billed}).
     */
    record Head(String key, String role, boolean succeeded, double costUsd, Usage billed, boolean cached) {
        String slot() { return JournalEntry.slot(role, key); }

        /** An answer this run sent for (not served from the cache or an identical call). */
        boolean sent() { return succeeded && !cached; }
    }

    /** The fields of a line as read; the answer and failure only when asked for. */
    private static final class Fields {
        String key;
        String role;
        String provider;
        boolean hasResponse;
        boolean hasFailure;
        LlmResponse response;
        /** Of the answer, read without binding it when only the head is wanted. */
        boolean cached;
        /** The answer's {@code billedBefore} or the failure's {@code billed}, read when only the head is wanted. */
        Usage billed = Usage.NONE;
        CallFailure failure;
        double costUsd;
        long atMillis;
    }

    /** The head of the line in {@code line[0, len)}; IOException when it is not a journal entry. */
    static Head head(ObjectMapper json, byte[] line, int len) throws IOException {
        Fields f = parse(json, line, len, false);
        return new Head(f.key, f.role, f.hasResponse, f.costUsd, f.cached ? Usage.NONE : f.billed, f.cached);
    }

    /** The entry in {@code line[0, len)} without its request (no reader of an entry needs it back). */
    static JournalEntry entry(ObjectMapper json, byte[] line, int len) throws IOException {
        Fields f = parse(json, line, len, true);
        return new JournalEntry(f.key, f.role, f.provider, null, f.response, f.failure, f.costUsd, f.atMillis);
    }

    private static Fields parse(ObjectMapper json, byte[] line, int len, boolean bindAnswer) throws IOException {
        Fields f = new Fields();
        try (JsonParser p = json.createParser(line, 0, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) throw new IOException("unexpected " + t);
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "key" -> f.key = text(p, value, name);
                    case "role" -> f.role = text(p, value, name);
                    case "provider" -> f.provider = value == JsonToken.VALUE_NULL ? null : text(p, value, name);
                    case "costUsd" -> f.costUsd = number(p, value, name).getDoubleValue();
                    case "atMillis" -> f.atMillis = number(p, value, name).getLongValue();
                    case "response" -> {
                        f.hasResponse = object(p, value, name);
                        if (f.hasResponse && bindAnswer) f.response = p.readValueAs(LlmResponse.class);
                        else if (f.hasResponse) billedIn(p, f, "response", "billedBefore");
                    }
                    case "failure" -> {
                        f.hasFailure = object(p, value, name);
                        if (f.hasFailure && bindAnswer) f.failure = p.readValueAs(CallFailure.class);
                        else if (f.hasFailure) billedIn(p, f, "failure", "billed");
                    }
                    default -> p.skipChildren(); // the request, and any field a later version adds
                }
            }
        }
        String broken = JournalEntry.brokenRule(f.key, f.role, f.hasResponse, f.hasFailure); // JournalEntry's own rules
        if (broken != null) throw new IOException(broken);
        return f;
    }

    /**
     * Reads of the {@code object} (the answer or the failure) its {@code cached} flag and its billed tokens (field
     * {@code tokens}), skipping the rest (an answer's text) token by token.
     */
    private static void billedIn(JsonParser p, Fields f, String object, String tokens) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) throw new IOException("unexpected " + t + " in '" + object + "'");
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("cached")) f.cached = value == JsonToken.VALUE_TRUE;
            else if (name.equals(tokens) && value == JsonToken.START_OBJECT) f.billed = p.readValueAs(Usage.class);
            else p.skipChildren();
        }
    }

    private static String text(JsonParser p, JsonToken value, String name) throws IOException {
        if (value != JsonToken.VALUE_STRING) throw new IOException("'" + name + "' is not a string");
        return p.getText();
    }

    private static JsonParser number(JsonParser p, JsonToken value, String name) throws IOException {
        if (!value.isNumeric()) throw new IOException("'" + name + "' is not a number");
        return p;
    }

    /** True for an object, false for null; anything else is not a journal entry. */
    private static boolean object(JsonParser p, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_NULL) return false;
        if (value != JsonToken.START_OBJECT) throw new IOException("'" + name + "' is neither an object nor null");
        return true;
    }
}
