package dev.promptarena.llm.openai;

import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.WireProtocol;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.llm.Price;
import java.time.Duration;
import java.util.Map;

/** {@code type: openai}: any OpenAI-compatible {@code POST {base_url}/chat/completions}; the base URL is required (or a preset). */
public final class OpenAiProtocol implements WireProtocol {
    @Override public String type() { return "openai"; }

    @Override public String defaultBaseUrl() { return null; }

    /** OpenAI's list prices (2025; check before trusting a bill to them). */
    @Override
    public Map<String, Price> listPrices() {
        return Map.of("gpt-4o", new Price(2.50, 10.00), "gpt-4o-mini", new Price(0.15, 0.60), "gpt-4.1", new Price(2.00, 8.00),
                "gpt-4.1-mini", new Price(0.40, 1.60), "gpt-4.1-nano", new Price(0.10, 0.40), "o3-mini", new Price(1.10, 4.40),
                "o4-mini", new Price(1.10, 4.40));
    }

    @Override
    public LlmClient create(ProviderConfig p, ClientFactory f) {
        return new OpenAiClient(p, f.apiKey(p), JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(10)), f.timeout(p), f.clock());
    }

    @Override
    public dev.promptarena.llm.BatchApi batch(ProviderConfig p, ClientFactory f) {
        return new OpenAiBatch(p, f.apiKey(p), f.timeout(p), f.clock(), OpenAiBatch.LIMITS);
    }

    /** OpenAI's Batch API costs half the synchronous price. */
    @Override public double batchDiscount() { return 0.5; }
}
