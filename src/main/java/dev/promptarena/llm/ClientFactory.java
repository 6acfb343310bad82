package dev.promptarena.llm;

import dev.promptarena.config.ProviderConfig;
import dev.promptarena.llm.sim.SimClient;
import java.util.Map;

/** Builds the client for a configured provider; the environment supplies API keys by name. */
public final class ClientFactory {
    private final Map<String, String> env;

    public ClientFactory(Map<String, String> env) { this.env = Map.copyOf(env); }

    public LlmClient create(ProviderConfig config) {
        return switch (config.type()) {
            case "sim" -> new SimClient(config);
            default -> throw new IllegalArgumentException("provider type not supported yet: " + config.type());
        };
    }
}
