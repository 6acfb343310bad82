package dev.promptarena.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.http.BatchHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's Batch API: the requests as a JSONL file uploaded to {@code POST {base_url}/files} (purpose
 * {@code batch}), {@code POST {base_url}/batches} on {@code /v1/chat/completions} with a 24 h window, polled
 * at {@code GET {base_url}/batches/{id}}; answers and per-request errors are downloaded from the output and
 * error files. Each line's body is exactly what {@link OpenAiClient} would POST, so the answer is the same.
 */
public final class OpenAiBatch implements BatchApi {
    /** Documented per-batch limits: 50,000 requests and a 200 MB input file. */
    public static final Limits LIMITS = new Limits(50_000, 200L * 1024 * 1024);

    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final Map<String, String> headers;
    private final String maxTokensField;
    private final BatchHttp http;
    private final Limits limits;

    public OpenAiBatch(ProviderConfig config, String apiKey, Duration timeout, Clock clock, Limits limits) {
        if (config.options().containsKey("deployment"))
            throw new IllegalArgumentException("provider '" + config.name() + "': batch mode does not support Azure deployments yet");
        this.base = OpenAiClient.baseUrl(config.baseUrl());
        this.maxTokensField = config.options().getOrDefault("max_tokens_field", "max_tokens");
        Map<String, String> h = new LinkedHashMap<>(config.headers());
        if (apiKey != null && !apiKey.isEmpty()) h.put("Authorization", "Bearer " + apiKey);
        this.headers = Map.copyOf(h);
        this.http = BatchHttp.forProvider(base, timeout, clock, config.headers(), apiKey, json);
        this.limits = limits;
    }

    @Override public Limits limits() { return limits; }

    @Override
    public byte[] encode(Item item) {
        ObjectNode line = json.createObjectNode();
        line.put("custom_id", item.customId()).put("method", "POST").put("url", "/v1/chat/completions");
        line.set("body", OpenAiCodec.body(json, item.request(), maxTokensField));
        try {
            return (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String submit(java.nio.file.Path lines, String tag) { // the file is the JSONL upload itself
        JsonNode uploaded = http.postFile(URI.create(base + "/files"), headers, Map.of("purpose", "batch"), "file", "prompt-arena.jsonl", lines);
        ObjectNode create = json.createObjectNode().put("input_file_id", uploaded.path("id").asText())
                .put("endpoint", "/v1/chat/completions").put("completion_window", "24h");
        create.putObject("metadata").put("tool", "prompt-arena").put(TAG, tag);
        String id = http.postJson(URI.create(base + "/batches"), headers, create).path("id").asText("");
        if (id.isEmpty()) throw new ProviderException(ProviderException.Kind.FATAL, 200, "the batch endpoint returned no batch id", null);
        return id;
    }

    /** The metadata key of a batch's chunk fingerprint. */
    static final String TAG = "prompt_arena_chunk";

    /**
     * Lists the batches (newest first) for the one whose metadata carries {@code tag}: the tag is a hash of the chunk's
     * custom ids, so a batch carrying it is this chunk's, and one without it (whatever its size) is not.
     */
    @Override
    public Lookup find(String tag, List<String> customIds, long since, java.util.Set<String> known) {
        String after = null;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            JsonNode list = http.getJson(URI.create(base + "/batches?limit=100" + (after == null ? "" : "&after=" + enc(after))), headers);
            for (JsonNode b : list.path("data")) {
                String id = b.path("id").asText("");
                if (tag.equals(b.path("metadata").path(TAG).asText()) && !known.contains(id)) return Lookup.found(id);
                if (b.path("created_at").asLong(Long.MAX_VALUE) * 1000 < since - LOOKUP_SLACK_MILLIS) return Lookup.none();
                after = id;
            }
            if (!list.path("has_more").asBoolean(false) || after == null) return Lookup.none();
        }
        return Lookup.none();
    }

    @Override
    public Status poll(String batchId) {
        JsonNode b = http.getJson(URI.create(base + "/batches/" + enc(batchId)), headers);
        String s = b.path("status").asText("");
        State state = switch (s) {
            case "validating" -> State.SUBMITTED;
            case "completed" -> State.COMPLETED;
            case "expired" -> State.EXPIRED;
            case "failed", "cancelled" -> State.FAILED;
            default -> State.IN_PROGRESS; // in_progress, finalizing, cancelling
        };
        JsonNode n = b.path("request_counts");
        String errors = b.path("errors").path("data").path(0).path("message").asText("");
        return new Status(state, n.path("completed").asLong(), n.path("failed").asLong(), n.path("total").asLong(),
                errors.isEmpty() ? s : s + ": " + http.redact(errors));
    }

    @Override
    public void results(String batchId, java.util.function.Consumer<Outcome> each) {
        JsonNode b = http.getJson(URI.create(base + "/batches/" + enc(batchId)), headers);
        for (String file : List.of("output_file_id", "error_file_id")) {
            String id = b.path(file).asText("");
            if (id.isEmpty() || "null".equals(id)) continue;
            http.eachLine(URI.create(base + "/files/" + enc(id) + "/content"), headers, line -> {
                each.accept(outcome(line));
                return true;
            });
        }
    }

    private Outcome outcome(JsonNode line) {
        String id = line.path("custom_id").asText();
        JsonNode error = line.path("error");
        if (error.isObject()) {
            String code = error.path("code").asText("");
            // batch_expired: the window closed before this request ran; it may well succeed if sent again.
            ProviderException.Kind kind = "batch_expired".equals(code) ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.FATAL;
            return new Outcome(id, null, new ProviderException(kind, 0, http.redact(code + ": " + error.path("message").asText("")), null));
        }
        JsonNode response = line.path("response");
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status != 200) {
            String msg = body.path("error").path("message").asText(body.toString());
            return new Outcome(id, null, BatchHttp.classify(status, http.redact("HTTP " + status + ": " + msg)));
        }
        try {
            LlmResponse r = OpenAiCodec.response(body, 0);
            return new Outcome(id, r, null);
        } catch (ProviderException e) {
            return new Outcome(id, null, e);
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Override public void close() { http.close(); }
}
