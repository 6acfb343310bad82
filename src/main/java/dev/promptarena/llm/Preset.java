package dev.promptarena.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Defaults for a named vendor: a preset is configuration, not a class, because every
 * OpenAI-compatible vendor speaks the same wire protocol and differs only in URL, key and
 * a few options.
 *
 * @param name            the preset's name as written in arena.yaml ({@code preset: ollama})
 * @param type            wire protocol: openai or anthropic
 * @param baseUrl         default base URL, or null when it is per-account (Azure)
 * @param apiKeyEnv       default NAME of the env var holding the key, or null (local servers)
 * @param options         default provider options (user options win)
 * @param requiredOptions options the user must give (e.g. Azure's deployment)
 */
public record Preset(String name, String type, String baseUrl, String apiKeyEnv, Map<String, String> options,
                     List<String> requiredOptions) {
    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = Map.copyOf(options);
        requiredOptions = List.copyOf(requiredOptions);
    }

    /**
     * A provider built from this preset; every argument may be null to take the preset's default.
     *
     * @throws IllegalArgumentException naming what is missing (base_url for Azure, a required option)
     */
    public ProviderConfig toConfig(String providerName, String baseUrlOverride, String apiKeyEnvOverride, int concurrency,
                                   Double requestsPerMinute, Double tokensPerMinute, Map<String, String> headers,
                                   Map<String, String> userOptions) {
        String url = baseUrlOverride != null ? baseUrlOverride : baseUrl;
        if (url == null) throw new IllegalArgumentException("preset " + name + " needs base_url (e.g. https://RESOURCE.openai.azure.com)");
        Map<String, String> merged = new LinkedHashMap<>(options);
        if (userOptions != null) merged.putAll(userOptions);
        for (String req : requiredOptions) {
            if (!merged.containsKey(req)) throw new IllegalArgumentException("preset " + name + " needs options." + req);
        }
        return new ProviderConfig(providerName, type, url, apiKeyEnvOverride != null ? apiKeyEnvOverride : apiKeyEnv,
                concurrency, requestsPerMinute, tokensPerMinute, headers == null ? Map.of() : headers, merged);
    }
}
