package dev.promptarena.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.http.BaseUrl;
import dev.promptarena.llm.http.BatchHttp;
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
        this.base = BaseUrl.trimSlash(config.baseUrl() == null ? AnthropicProtocol.BASE_URL : config.baseUrl());
        Map<String, String> h = new LinkedHashMap<>(config.headers());
        h.putIfAbsent("anthropic-version", config.options().getOrDefault("anthropic_version", AnthropicClient.API_VERSION));
        if (apiKey != null && !apiKey.isEmpty()) h.put("x-api-key", apiKey);
        this.headers = Map.copyOf(h);
        this.http = BatchHttp.forProvider(base, timeout, clock, config.headers(), apiKey, json);
        this.limits = limits;
    }

    @Override public Limits limits() { return limits; }

    @Override
    public byte[] encode(Item item) {
        try {
            return (json.writeValueAsString(entry(item)) + "\n").getBytes(StandardCharsets.UTF_8);
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
    public String submit(java.nio.file.Path lines, String tag) { // Message Batches keep no metadata: find() reads custom ids
        String id = http.postJsonLines(URI.create(base + "/v1/messages/batches"), headers, "{\"requests\":[", lines, "]}").path("id").asText("");
        if (id.isEmpty()) throw new ProviderException(ProviderException.Kind.FATAL, 200, "the batch endpoint returned no batch id", null);
        return id;
    }

    /**
     * Message Batches carry no metadata, and another client's batch may have our size and time, so a candidate (same
     * request count, created since the submission, not already ours) is adopted only when its results hold our custom
     * ids and no other (ids derive from cache keys: only a batch of these very requests has them). Results exist once a
     * batch has ended: a candidate still in progress cannot be told apart yet, so the lookup waits for it (nothing is
     * sent again while a batch that could be ours is running); one that ended with foreign ids, or with no results at
     * all (nothing in it was answered, so nothing was paid), is not ours.
     */
    @Override
    public Lookup find(String tag, List<String> customIds, long since, java.util.Set<String> known) {
        java.util.Set<String> ours = new java.util.HashSet<>(customIds);
        List<String> running = new ArrayList<>();
        String after = null;
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
                if (created < since - LOOKUP_SLACK_MILLIS) return decide(running); // newest first: the rest are older still
                JsonNode n = b.path("request_counts");
                long total = n.path("processing").asLong() + n.path("succeeded").asLong() + n.path("errored").asLong()
                        + n.path("canceled").asLong() + n.path("expired").asLong();
                if (total != customIds.size() || known.contains(id)) continue;
                if (!"ended".equals(b.path("processing_status").asText(""))) running.add(id);
                else if (holdsOnly(b.path("results_url").asText(""), ours)) return Lookup.found(id);
            }
            if (!list.path("has_more").asBoolean(false) || after == null) break;
        }
        return decide(running);
    }

    private static Lookup decide(List<String> running) {
        return running.isEmpty() ? Lookup.none() : Lookup.waiting(String.join(", ", running)
                + (running.size() == 1 ? " has" : " have") + " this chunk's size and time and is still in progress; its custom ids can be"
                + " read once it ends");
    }

    /** Whether the results at {@code url} answer some of {@code ids} and nothing else (read until the first foreign id). */
    private boolean holdsOnly(String url, java.util.Set<String> ids) {
        if (url.isEmpty() || "null".equals(url)) return false;
        int[] seen = {0};
        boolean[] foreign = {false};
        http.eachLine(URI.create(url), headers, line -> {
            foreign[0] = !ids.contains(line.path("custom_id").asText());
            seen[0]++;
            return !foreign[0];
        });
        return !foreign[0] && seen[0] > 0;
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
    public void results(String batchId, java.util.function.Consumer<Outcome> each) {
        String url = http.getJson(batchUri(batchId), headers).path("results_url").asText("");
        if (url.isEmpty() || "null".equals(url)) return;
        http.eachLine(URI.create(url), headers, line -> {
            each.accept(outcome(line));
            return true;
        });
    }

    private Outcome outcome(JsonNode line) {
        String id = line.path("custom_id").asText();
        JsonNode result = line.path("result");
        String type = result.path("type").asText("");
        switch (type) {
            case "succeeded" -> {
                try {
                    return new Outcome(id, AnthropicCodec.response(result.path("message"), 0), null);
                } catch (ProviderException e) {
                    return new Outcome(id, null, e);
                }
            }
            case "errored" -> {
                JsonNode err = result.path("error").path("error");
                String kind = err.path("type").asText("error");
                // Anthropic names the error type, not a status; an overload or API error may pass if sent again.
                ProviderException.Kind k = "overloaded_error".equals(kind) || "api_error".equals(kind)
                        ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.FATAL;
                return new Outcome(id, null, new ProviderException(k, 0, http.redact(kind + ": " + err.path("message").asText("")), null));
            }
            default -> {
                return new Outcome(id, null, new ProviderException(ProviderException.Kind.TRANSIENT, 0,
                        "batch_" + type + ": the batch ended before this request ran", null));
            }
        }
    }

    private URI batchUri(String id) { return URI.create(base + "/v1/messages/batches/" + URLEncoder.encode(id, StandardCharsets.UTF_8)); }

    @Override public void close() { http.close(); }
}
