package dev.promptarena.llm.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.http.BaseUrl;
import dev.promptarena.llm.http.JsonHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Anthropic's {@code POST {base_url}/v1/messages}. Structured output is requested through a
 * single forced tool whose input schema is the response schema; the tool input is returned as
 * the response text. Classifies failures through {@link JsonHttp} (Anthropic's 529 "overloaded"
 * is a 5xx, hence transient); never retries.
 */
public final class AnthropicClient implements LlmClient {
    /** The API version this codec is written against. */
    public static final String API_VERSION = "2023-06-01";

    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final Map<String, String> headers;
    private final JsonHttp http;

    /** @param apiKey the key's value, looked up by the caller in the environment it was given */
    public AnthropicClient(ProviderConfig config, String apiKey, HttpClient http, Duration timeout, Clock clock) {
        String base = BaseUrl.trimSlash(config.baseUrl() == null ? AnthropicProtocol.BASE_URL : config.baseUrl());
        this.endpoint = URI.create(base + "/v1/messages");
        Map<String, String> h = new LinkedHashMap<>(config.headers());
        h.putIfAbsent("anthropic-version", config.options().getOrDefault("anthropic_version", API_VERSION));
        if (apiKey != null && !apiKey.isEmpty()) h.put("x-api-key", apiKey);
        this.headers = Map.copyOf(h);
        this.http = JsonHttp.forProvider(http, timeout, clock, config.headers(), apiKey, json);
    }

    @Override
    public CompletableFuture<LlmResponse> send(LlmRequest request) {
        return http.exchange(endpoint, headers, AnthropicCodec.body(json, request), AnthropicCodec::response);
    }

    @Override
    public String identity() { return "anthropic " + endpoint; }

    @Override
    public void close() { http.close(); }
}
