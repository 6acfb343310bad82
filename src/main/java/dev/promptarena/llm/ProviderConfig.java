package dev.promptarena.llm;

import java.util.Map;
import java.util.Objects;

/**
 * One provider endpoint as configured.
 *
 * @param name              the key under {@code providers:}
 * @param type              wire protocol: sim, openai (any OpenAI-compatible server) or anthropic
 * @param baseUrl           e.g. https://api.openai.com/v1 (null for sim)
 * @param apiKeyEnv         the NAME of the environment variable that holds the key (never the key)
 * @param concurrency       maximum calls in flight to this endpoint
 * @param requestsPerMinute optional request rate limit (null = none)
 * @param tokensPerMinute   optional token rate limit (null = none)
 * @param headers           extra HTTP headers (values may use ${ENV})
 * @param options           provider-specific settings (e.g. sim's noise and position_bias)
 */
public record ProviderConfig(String name, String type, String baseUrl, String apiKeyEnv, int concurrency,
                             Double requestsPerMinute, Double tokensPerMinute, Map<String, String> headers,
                             Map<String, String> options) {
    public ProviderConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, got: " + concurrency);
        headers = Map.copyOf(headers);
        options = Map.copyOf(options);
    }
}
