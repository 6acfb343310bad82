package dev.promptarena.llm.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.http.BaseUrl;
import dev.promptarena.llm.http.JsonHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Any OpenAI-compatible {@code POST {base_url}/chat/completions} endpoint: OpenAI, Azure OpenAI,
 * Ollama, vLLM, LM Studio, llama.cpp server, OpenRouter, Groq, Together... Vendor differences are
 * configuration ({@code options}), not subclasses:
 * <ul>
 *   <li>{@code auth_header: api-key} sends the key as {@code api-key: KEY} (Azure) instead of
 *       {@code Authorization: Bearer KEY};</li>
 *   <li>{@code deployment: NAME} uses Azure's {@code /openai/deployments/NAME/chat/completions} path;</li>
 *   <li>{@code api_version: V} adds {@code ?api-version=V};</li>
 *   <li>{@code max_tokens_field: max_completion_tokens} for OpenAI reasoning models.</li>
 * </ul>
 * Failures are classified by {@link JsonHttp}; this class never retries.
 */
public final class OpenAiClient implements LlmClient {
    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final String baseUrl;
    private final Map<String, String> headers;
    private final String maxTokensField;
    private final JsonHttp http;

    /**
     * @param config  the provider (base URL, headers, options)
     * @param apiKey  the key's value, looked up by the caller in the environment it was given;
     *                null for servers that need none (Ollama, vLLM without --api-key)
     * @param http    shared JDK client, e.g. {@link JsonHttp#clientFor}
     * @param timeout per-attempt timeout
     * @param clock   for Retry-After HTTP-dates
     */
    public OpenAiClient(ProviderConfig config, String apiKey, HttpClient http, Duration timeout, Clock clock) {
        this.baseUrl = baseUrl(config.baseUrl());
        Map<String, String> opts = config.options();
        String deployment = opts.get("deployment");
        String path = deployment != null
                ? "/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8) + "/chat/completions"
                : "/chat/completions";
        String version = opts.get("api_version");
        this.endpoint = URI.create(baseUrl + path + (version == null ? "" : "?api-version=" + URLEncoder.encode(version, StandardCharsets.UTF_8)));
        this.maxTokensField = opts.getOrDefault("max_tokens_field", "max_tokens");
        Map<String, String> h = new LinkedHashMap<>(config.headers());
        if (apiKey != null && !apiKey.isEmpty()) {
            if ("api-key".equalsIgnoreCase(opts.getOrDefault("auth_header", "authorization"))) h.put("api-key", apiKey);
            else h.put("Authorization", "Bearer " + apiKey);
        }
        this.headers = Map.copyOf(h);
        this.http = JsonHttp.forProvider(http, timeout, clock, config.headers(), apiKey, json);
    }

    @Override
    public CompletableFuture<LlmResponse> send(LlmRequest request) {
        return http.exchange(endpoint, headers, OpenAiCodec.body(json, request, maxTokensField), OpenAiCodec::response);
    }

    /** Type and endpoint (deployment and api-version included: they select the model). Never a key. */
    @Override
    public String identity() { return "openai " + endpoint; }

    @Override
    public void close() { http.close(); }

    /** The configured base URL, required (there is no default endpoint), without its trailing slash. */
    static String baseUrl(String url) {
        if (url == null) throw new IllegalArgumentException("base_url is required for an OpenAI-compatible provider");
        return BaseUrl.trimSlash(url);
    }
}
