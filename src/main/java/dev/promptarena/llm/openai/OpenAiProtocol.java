package dev.promptarena.llm.openai;

import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.WireProtocol;
import dev.promptarena.llm.http.JsonHttp;
import java.time.Duration;

/** {@code type: openai}: any OpenAI-compatible {@code POST {base_url}/chat/completions}; the base URL is required (or a preset). */
public final class OpenAiProtocol implements WireProtocol {
    @Override public String type() { return "openai"; }

    @Override public String defaultBaseUrl() { return null; }

    @Override
    public LlmClient create(ProviderConfig p, ClientFactory f) {
        return new OpenAiClient(p, f.apiKey(p), JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(10)), f.timeout(p), f.clock());
    }
}
