package dev.promptarena.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the wire client for a provider through the {@link WireProtocols} registry. The API key is
 * looked up here, once, in the environment map the CLI passed in (never {@code System.getenv} deep
 * in the code).
 */
public final class ClientFactory {
    /** Per-attempt timeout when options.timeout_seconds is not given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> env;
    private final Clock clock;

    /** @param env the process environment as the CLI received it (API keys are looked up by name) */
    public ClientFactory(Map<String, String> env) { this(env, Clock.systemUTC()); }

    public ClientFactory(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /** @throws IllegalArgumentException for an unknown type or a key env var that is not set */
    public LlmClient create(ProviderConfig p) {
        return WireProtocols.find(p.type())
                .orElseThrow(() -> new IllegalArgumentException("provider '" + p.name() + "': no client for type '" + p.type() + "'"))
                .create(p, this);
    }

    /** The clock clients time their calls with. */
    public Clock clock() { return clock; }

    /** The key's value, or null when the provider names no env var (local servers). */
    public String apiKey(ProviderConfig p) {
        if (p.apiKeyEnv() == null || p.apiKeyEnv().isBlank()) return null;
        String value = env.get(p.apiKeyEnv());
        if (value == null || value.isBlank())
            throw new IllegalArgumentException("provider '" + p.name() + "': environment variable " + p.apiKeyEnv()
                    + " (api_key_env) is not set");
        return value;
    }

    /** The per-attempt timeout: options.timeout_seconds, or {@link #DEFAULT_TIMEOUT}. */
    public Duration timeout(ProviderConfig p) {
        String s = p.options().get("timeout_seconds");
        if (s == null) return DEFAULT_TIMEOUT;
        try {
            return Duration.ofMillis((long) (Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provider '" + p.name() + "': options.timeout_seconds must be a number, got: " + s);
        }
    }
}
