package dev.promptarena.llm.anthropic;

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

/** Messages API wire format. Pure functions. */
final class AnthropicCodec {
    /** Anthropic requires max_tokens; this is used when the config leaves it unset. */
    static final int DEFAULT_MAX_TOKENS = 1024;
    /** Name of the single tool used to force structured output. */
    static final String TOOL = "respond";

    private AnthropicCodec() {}

    static ObjectNode body(ObjectMapper json, LlmRequest r) {
        ObjectNode body = json.createObjectNode();
        body.put("model", r.model());
        Decoding d = r.decoding();
        body.put("max_tokens", d.maxTokens() != null ? d.maxTokens() : DEFAULT_MAX_TOKENS);
        if (r.system() != null) body.put("system", r.system());
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : r.messages()) messages.addObject().put("role", m.role()).put("content", m.content());
        if (d.temperature() != null) body.put("temperature", d.temperature());
        if (d.topP() != null) body.put("top_p", d.topP());
        // The Messages API has no seed; it is recorded in the manifest but not sent.
        if (r.responseSchema() != null) {
            // Structured output via tool use: one tool whose input schema is the wanted reply,
            // and tool_choice forcing it, so the model's "call" is the JSON we asked for.
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", TOOL);
            tool.put("description", "Give your answer in this structure.");
            tool.set("input_schema", r.responseSchema());
            body.putObject("tool_choice").put("type", "tool").put("name", TOOL);
        }
        return body;
    }

    static LlmResponse response(JsonNode body, long latencyMillis) {
        JsonNode content = body.path("content");
        // Transient, like a garbled body; its usage, when it has one, was billed (the engine counts it).
        if (!content.isArray()) throw new ProviderException(ProviderException.Kind.TRANSIENT, 200, "malformed reply from provider: no content array",
                null, BilledUsage.of(body, "input_tokens", "output_tokens"));
        StringBuilder text = new StringBuilder();
        String toolInput = null;
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            if ("text".equals(type)) text.append(block.path("text").asText());
            else if ("tool_use".equals(type) && toolInput == null) toolInput = block.path("input").toString();
        }
        JsonNode usage = body.path("usage");
        return new LlmResponse(toolInput != null ? toolInput : text.toString(), body.path("model").asText(null), null,
                new Usage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0)),
                normalizeStop(body.path("stop_reason").asText(null)), latencyMillis, 1, false);
    }

    /** end_turn / stop_sequence -> stop, max_tokens -> length, refusal, tool_use -> tool, else other. */
    static String normalizeStop(String reason) {
        if (reason == null) return "stop";
        return switch (reason) {
            case "end_turn", "stop_sequence" -> "stop";
            case "max_tokens" -> "length";
            case "refusal" -> "refusal";
            case "tool_use" -> "tool";
            default -> "other";
        };
    }
}
