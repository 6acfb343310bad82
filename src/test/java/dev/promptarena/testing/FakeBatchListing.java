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

    /** @param resultsUrl where an ended Anthropic batch's results are; null while it is in progress */
    static ObjectNode summary(ObjectMapper json, String id, boolean anthropic, int requests, JsonNode metadata, long createdAt, String resultsUrl) {
        ObjectNode b = json.createObjectNode().put("id", id);
        if (anthropic) {
            boolean ended = resultsUrl != null;
            b.put("type", "message_batch").put("created_at", Instant.ofEpochSecond(createdAt).toString())
                    .put("processing_status", ended ? "ended" : "in_progress").put("results_url", resultsUrl);
            b.putObject("request_counts").put("processing", ended ? 0 : requests).put("succeeded", ended ? requests : 0).put("errored", 0)
                    .put("canceled", 0).put("expired", 0);
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

    /** Anthropic's results JSONL of a batch of {@code items}: all expired, or each errored when {@code fail} says, else answered. */
    static String anthropicResults(ObjectMapper json, List<JsonNode> items, boolean expire, java.util.function.Predicate<JsonNode> fail,
                                   java.util.function.Function<JsonNode, ObjectNode> answer) {
        StringBuilder out = new StringBuilder();
        for (JsonNode i : items) {
            ObjectNode line = json.createObjectNode().put("custom_id", i.path("custom_id").asText());
            ObjectNode result = line.putObject("result");
            if (expire) result.put("type", "expired");
            else if (fail.test(i.path("params"))) {
                result.put("type", "errored").putObject("error").put("type", "error").putObject("error").put("type", "api_error").put("message", "internal");
            } else result.put("type", "succeeded").set("message", answer.apply(i.path("params")));
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The file part of a {@code multipart/form-data} upload. */
    static String fileOf(String multipart) {
        int start = multipart.indexOf("\r\n\r\n", multipart.indexOf("filename=")) + 4;
        return multipart.substring(start, multipart.lastIndexOf("\r\n--"));
    }

    /** The items of another client's Anthropic batch: custom ids of its own, and small valid requests. */
    static List<JsonNode> foreignItems(ObjectMapper json, int n) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode item = json.createObjectNode().put("custom_id", "their-request-" + i);
            item.putObject("params").put("model", "their-model").put("max_tokens", 5).putArray("messages").addObject()
                    .put("role", "user").put("content", "hello " + i);
            out.add(item);
        }
        return out;
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
