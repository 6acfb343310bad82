package dev.promptarena.llm;

import dev.promptarena.llm.anthropic.AnthropicProtocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in vendor presets. The config loader looks a name up here when a provider says
 * {@code preset: NAME} and fills type, base_url, api_key_env and options it leaves out.
 * Local servers (ollama, vllm, lmstudio, llamacpp) need no key by default.
 */
public final class ProviderPresets {
    private static final List<Preset> ALL = List.of(
            new Preset("openai", "openai", "https://api.openai.com/v1", "OPENAI_API_KEY", Map.of(), List.of()),
            // Azure: key in an api-key header, model chosen by the deployment in the path,
            // and an api-version query parameter (a GA version current at writing).
            new Preset("azure", "openai", null, "AZURE_OPENAI_API_KEY",
                    Map.of("auth_header", "api-key", "api_version", "2024-10-21"), List.of("deployment")),
            new Preset("ollama", "openai", "http://localhost:11434/v1", null, Map.of(), List.of()),
            new Preset("vllm", "openai", "http://localhost:8000/v1", null, Map.of(), List.of()),
            new Preset("lmstudio", "openai", "http://localhost:1234/v1", null, Map.of(), List.of()),
            new Preset("llamacpp", "openai", "http://localhost:8080/v1", null, Map.of(), List.of()),
            new Preset("openrouter", "openai", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", Map.of(), List.of()),
            new Preset("groq", "openai", "https://api.groq.com/openai/v1", "GROQ_API_KEY", Map.of(), List.of()),
            new Preset("together", "openai", "https://api.together.xyz/v1", "TOGETHER_API_KEY", Map.of(), List.of()),
            new Preset("anthropic", "anthropic", AnthropicProtocol.BASE_URL, "ANTHROPIC_API_KEY", Map.of(), List.of()));

    private ProviderPresets() {}

    public static Optional<Preset> find(String name) {
        return ALL.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Preset names in table order, for "did you mean" and error messages. */
    public static List<String> names() { return ALL.stream().map(Preset::name).toList(); }
}
