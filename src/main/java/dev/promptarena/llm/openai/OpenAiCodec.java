package dev.promptarena.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;

/**
 * Chat Completions wire format: request body out, {@link LlmResponse} in. Pure functions. Public for the CLI's start-up
 * prewarm, which runs these on made-up data so a run's first calls are not sent through interpreted code.
 */
public final class OpenAiCodec {
    private OpenAiCodec() {}

    /**
     * @param maxTokensField "max_tokens" (classic, most compatible servers) or
     *                       "max_completion_tokens" (required by OpenAI's reasoning models)
     */
    public static ObjectNode body(ObjectMapper json, LlmRequest r, String maxTokensField) {
        ObjectNode body = json.createObjectNode();
        body.put("model", r.model());
        ArrayNode messages = body.putArray("messages");
        if (r.system() != null) messages.addObject().put("role", "system").put("content", r.system());
        for (ChatMessage m : r.messages()) messages.addObject().put("role", m.role()).put("content", m.content());
        Decoding d = r.decoding();
        // Only what is set: an unset field must mean "the provider's default", not our guess of it.
        if (d.temperature() != null) body.put("temperature", d.temperature());
        if (d.topP() != null) body.put("top_p", d.topP());
        if (d.maxTokens() != null) body.put(maxTokensField, d.maxTokens());
        if (d.seed() != null) body.put("seed", d.seed());
        if (r.responseSchema() != null) {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", schemaName(r.responseSchema()));
            schema.set("schema", r.responseSchema());
            schema.put("strict", true);
        }
        return body;
    }

    /** Parses a 2xx reply; fails with a {@link ProviderException} when it has no {@code choices[0].message}. */
    public static LlmResponse response(JsonNode body, long latencyMillis) {
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) throw malformed("no choices[0].message", body);
        String finish = normalizeFinish(choice.path("finish_reason").asText(null));
        String text;
        if (message.hasNonNull("content")) {
            text = message.get("content").asText();
        } else if (message.hasNonNull("refusal")) {
            text = message.get("refusal").asText();
            finish = "refusal";
        } else if (message.path("tool_calls").path(0).path("function").hasNonNull("arguments")) {
            text = message.path("tool_calls").path(0).path("function").path("arguments").asText();
        } else {
            text = "";
        }
        JsonNode usage = body.path("usage");
        return new LlmResponse(text, body.path("model").asText(null), body.path("system_fingerprint").asText(null),
                new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)),
                finish, latencyMillis, 1, false);
    }

    /** stop, length, content_filter -> refusal, tool_calls / function_call -> tool, else other. */
    static String normalizeFinish(String reason) {
        if (reason == null) return "stop";
        return switch (reason) {
            case "stop", "eos" -> "stop";
            case "length" -> "length";
            case "content_filter" -> "refusal";
            case "tool_calls", "function_call" -> "tool";
            default -> "other";
        };
    }

    /** OpenAI wants a name matching ^[a-zA-Z0-9_-]{1,64}$; a schema's title makes a readable one. */
    static String schemaName(JsonNode schema) {
        String title = schema.path("title").asText("response").replaceAll("[^a-zA-Z0-9_-]", "_");
        return title.isEmpty() ? "response" : title.length() > 64 ? title.substring(0, 64) : title;
    }

    private static ProviderException malformed(String what, JsonNode body) {
        // A 200 without the expected shape is treated like a garbled body: transient. Its usage, when it has one, was
        // billed: the engine counts it and holds it against the budget before a retry is sent.
        return new ProviderException(ProviderException.Kind.TRANSIENT, 200, "malformed reply from provider: " + what, null,
                BilledUsage.of(body, "prompt_tokens", "completion_tokens"));
    }
}
