package dev.promptarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The batch list pages of {@link FakeBatchServer}: OpenAI's {@code GET /v1/batches} (metadata, {@code created_at} in
 * epoch seconds) and Anthropic's {@code GET /v1/messages/batches} (no metadata, {@code created_at} in RFC 3339),
 * newest first, one page with {@code has_more: false}.
 */
final class FakeBatchListing {
    private FakeBatchListing() {}

    static ObjectNode summary(ObjectMapper json, String id, boolean anthropic, int requests, JsonNode metadata, long createdAt) {
        ObjectNode b = json.createObjectNode().put("id", id);
        if (anthropic) {
            b.put("type", "message_batch").put("created_at", Instant.ofEpochSecond(createdAt).toString());
            b.putObject("request_counts").put("processing", requests).put("succeeded", 0).put("errored", 0).put("canceled", 0).put("expired", 0);
        } else {
            b.put("object", "batch").put("created_at", createdAt);
            if (metadata != null) b.set("metadata", metadata);
            b.putObject("request_counts").put("total", requests);
        }
        return b;
    }

    static String page(ObjectMapper json, List<ObjectNode> batches, boolean anthropic) {
        ObjectNode page = json.createObjectNode();
        var data = page.putArray("data");
        batches.stream().filter(b -> b.path("id").asText().startsWith(anthropic ? "msgbatch_" : "batch_"))
                .sorted(Comparator.comparingInt((ObjectNode b) -> Integer.parseInt(b.path("id").asText().replaceAll("\\D", ""))).reversed())
                .forEach(data::add);
        page.put("has_more", false);
        return page.toString();
    }

    /** The JSON lines of an uploaded batch file. */
    static List<JsonNode> readLines(ObjectMapper json, byte[] content) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                out.add(json.readTree(line));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("bad JSONL line: " + line);
            }
        }
        return out;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
