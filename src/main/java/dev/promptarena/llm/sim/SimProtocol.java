package dev.promptarena.llm.sim;

import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.WireProtocol;
import java.util.Map;

/** {@code type: sim}: the deterministic offline simulator (no network, no key, no base URL). */
public final class SimProtocol implements WireProtocol {
    @Override public String type() { return "sim"; }

    @Override public String defaultBaseUrl() { return null; }

    @Override public boolean remote() { return false; }

    @Override
    public void checkOptions(Map<String, String> options) { SimOptions.from(options); }

    @Override
    public LlmClient create(ProviderConfig p, ClientFactory f) { return new SimClient(p); }
}
