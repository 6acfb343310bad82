package dev.promptarena.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.http.BatchHttp;
import dev.promptarena.llm.http.JsonHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Message Batches: {@code POST {base_url}/v1/messages/batches} with {@code requests[{custom_id,
 * params}]}, polled at {@code GET .../batches/{id}} until {@code processing_status} is {@code ended}, then
 * the JSONL at {@code results_url}. Each {@code params} is exactly what {@link AnthropicClient} would POST.
 */
public final class AnthropicBatch implements BatchApi {
    /** Documented per-batch limits: 100,000 requests and 256 MB. */
    public static final Limits LIMITS = new Limits(100_000, 256L * 1024 * 1024);

    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final Map<String, String> headers;
    private final BatchHttp http;
    private final Limits limits;

    public AnthropicBatch(ProviderConfig config, String apiKey, Duration timeout, Clock clock, Limits limits) {
        String b = config.baseUrl() == null ? AnthropicProtocol.BASE_URL : config.baseUrl();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        Map<String, String> h = new LinkedHashMap<>(config.headers());
        h.putIfAbsent("anthropic-version", config.options().getOrDefault("anthropic_version", AnthropicClient.API_VERSION));
        if (apiKey != null && !apiKey.isEmpty()) h.put("x-api-key", apiKey);
        this.headers = Map.copyOf(h);
        var client = JsonHttp.clientFor(base, Duration.ofSeconds(10));
        this.http = new BatchHttp(client, timeout, JsonHttp.forProvider(client, timeout, clock, config.headers(), apiKey, json), json);
        this.limits = limits;
    }

    @Override public Limits limits() { return limits; }

    @Override
    public long sizeOf(Item item) {
        try {
            return json.writeValueAsBytes(entry(item)).length + 1L;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode entry(Item item) {
        ObjectNode e = json.createObjectNode().put("custom_id", item.customId());
        e.set("params", AnthropicCodec.body(json, item.request()));
        return e;
    }

    @Override
    public String submit(List<Item> items, String tag) { // Message Batches keep no metadata: find() matches by size and time
        ObjectNode body = json.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        items.forEach(i -> requests.add(entry(i)));
        String id = http.postJson(URI.create(base + "/v1/messages/batches"), headers, body).path("id").asText("");
        if (id.isEmpty()) throw new ProviderException(ProviderException.Kind.FATAL, 200, "the batch endpoint returned no batch id", null);
        return id;
    }

    /**
     * Message Batches carry no metadata, so the batch a lost create made is recognized by its request count and its
     * creation time: the oldest unknown batch of exactly {@code requests} requests created since the submission. Its
     * results are keyed by our custom ids, so a wrong match cannot land a foreign answer: its items come back without
     * an answer and are retried.
     */
    @Override
    public String find(String tag, int requests, long since, java.util.Set<String> known) {
        String after = null;
        String best = null;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            JsonNode list = http.getJson(URI.create(base + "/v1/messages/batches?limit=100"
                    + (after == null ? "" : "&after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8))), headers);
            for (JsonNode b : list.path("data")) {
                String id = b.path("id").asText("");
                after = id;
                long created;
                try {
                    created = java.time.Instant.parse(b.path("created_at").asText("")).toEpochMilli();
                } catch (java.time.format.DateTimeParseException e) {
                    continue;
                }
                if (created < since - LOOKUP_SLACK_MILLIS) return best; // newest first: the rest are older still
                JsonNode n = b.path("request_counts");
                long total = n.path("processing").asLong() + n.path("succeeded").asLong() + n.path("errored").asLong()
                        + n.path("canceled").asLong() + n.path("expired").asLong();
                if (total == requests && !known.contains(id)) best = id;
            }
            if (!list.path("has_more").asBoolean(false) || after == null) return best;
        }
        return best;
    }

    @Override
    public Status poll(String batchId) {
        JsonNode b = http.getJson(batchUri(batchId), headers);
        String s = b.path("processing_status").asText("");
        JsonNode n = b.path("request_counts");
        long ok = n.path("succeeded").asLong();
        long errored = n.path("errored").asLong() + n.path("canceled").asLong();
        long expired = n.path("expired").asLong();
        long total = ok + errored + expired + n.path("processing").asLong();
        State state = !"ended".equals(s) ? State.IN_PROGRESS
                : expired > 0 && ok == 0 && errored == 0 ? State.EXPIRED : State.COMPLETED;
        return new Status(state, ok, errored + expired, total, s);
    }

    @Override
    public List<Outcome> results(String batchId) {
        String url = http.getJson(batchUri(batchId), headers).path("results_url").asText("");
        if (url.isEmpty() || "null".equals(url)) return List.of();
        List<Outcome> out = new ArrayList<>();
        for (JsonNode line : http.lines(http.getBytes(URI.create(url), headers))) {
            String id = line.path("custom_id").asText();
            JsonNode result = line.path("result");
            String type = result.path("type").asText("");
            switch (type) {
                case "succeeded" -> {
                    try {
                        out.add(new Outcome(id, AnthropicCodec.response(result.path("message"), 0), null));
                    } catch (ProviderException e) {
                        out.add(new Outcome(id, null, e));
                    }
                }
                case "errored" -> {
                    JsonNode err = result.path("error").path("error");
                    String kind = err.path("type").asText("error");
                    // Anthropic names the error type, not a status; an overload or API error may pass if sent again.
                    ProviderException.Kind k = "overloaded_error".equals(kind) || "api_error".equals(kind)
                            ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.FATAL;
                    out.add(new Outcome(id, null, new ProviderException(k, 0, http.redact(kind + ": " + err.path("message").asText("")), null)));
                }
                default -> out.add(new Outcome(id, null, new ProviderException(ProviderException.Kind.TRANSIENT, 0,
                        "batch_" + type + ": the batch ended before this request ran", null)));
            }
        }
        return out;
    }

    private URI batchUri(String id) { return URI.create(base + "/v1/messages/batches/" + URLEncoder.encode(id, StandardCharsets.UTF_8)); }

    @Override public void close() { http.close(); }
}
