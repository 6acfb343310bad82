package dev.promptarena.llm;

import dev.promptarena.llm.anthropic.AnthropicClient;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.llm.openai.OpenAiClient;
import dev.promptarena.llm.sim.SimClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the wire client for a provider. The API key is looked up here, once, in the
 * environment map the CLI passed in (never {@code System.getenv} deep in the code).
 * Types: {@code sim} (deterministic, offline), {@code openai}, {@code anthropic}; tests and
 * plug-ins can add types with {@link #with}.
 */
public final class ClientFactory {
    /** Per-attempt timeout when options.timeout_seconds is not given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> env;
    private final Clock clock;
    private final Map<String, Function<ProviderConfig, LlmClient>> extra;

    /** @param env the process environment as the CLI received it (API keys are looked up by name) */
    public ClientFactory(Map<String, String> env) { this(env, Clock.systemUTC()); }

    public ClientFactory(Map<String, String> env, Clock clock) {
        this(env, clock, Map.of());
    }

    private ClientFactory(Map<String, String> env, Clock clock, Map<String, Function<ProviderConfig, LlmClient>> extra) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.extra = Map.copyOf(extra);
    }

    /** A factory that also builds {@code type} with {@code builder} (e.g. {@code with("sim", SimClient::new)}). */
    public ClientFactory with(String type, Function<ProviderConfig, LlmClient> builder) {
        Map<String, Function<ProviderConfig, LlmClient>> m = new HashMap<>(extra);
        m.put(type, builder);
        return new ClientFactory(env, clock, m);
    }

    /** @throws IllegalArgumentException for an unknown type or a key env var that is not set */
    public LlmClient create(ProviderConfig p) {
        Function<ProviderConfig, LlmClient> custom = extra.get(p.type());
        if (custom != null) return custom.apply(p);
        return switch (p.type()) {
            case "sim" -> new SimClient(p);
            case "openai" -> new OpenAiClient(p, apiKey(p), JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(10)), timeout(p), clock);
            case "anthropic" -> new AnthropicClient(p, apiKey(p),
                    JsonHttp.clientFor(p.baseUrl() == null ? "https://" : p.baseUrl(), Duration.ofSeconds(10)), timeout(p), clock);
            default -> throw new IllegalArgumentException("provider '" + p.name() + "': no client for type '" + p.type() + "'");
        };
    }

    /** The key's value, or null when the provider names no env var (local servers). */
    public String apiKey(ProviderConfig p) {
        if (p.apiKeyEnv() == null || p.apiKeyEnv().isBlank()) return null;
        String value = env.get(p.apiKeyEnv());
        if (value == null || value.isBlank())
            throw new IllegalArgumentException("provider '" + p.name() + "': environment variable " + p.apiKeyEnv()
                    + " (api_key_env) is not set");
        return value;
    }

    static Duration timeout(ProviderConfig p) {
        String s = p.options().get("timeout_seconds");
        if (s == null) return DEFAULT_TIMEOUT;
        try {
            return Duration.ofMillis((long) (Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provider '" + p.name() + "': options.timeout_seconds must be a number, got: " + s);
        }
    }
}
