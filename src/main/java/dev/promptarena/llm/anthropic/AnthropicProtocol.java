package dev.promptarena.llm.anthropic;

import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.WireProtocol;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.llm.Price;
import java.time.Duration;
import java.util.Map;

/** {@code type: anthropic}: the Messages API, {@code POST {base_url}/v1/messages}. */
public final class AnthropicProtocol implements WireProtocol {
    /** Anthropic's API host: the one place it is written (the preset and the client refer here). */
    public static final String BASE_URL = "https://api.anthropic.com";

    @Override public String type() { return "anthropic"; }

    @Override public String defaultBaseUrl() { return BASE_URL; }

    /** Anthropic's list prices (2025; check before trusting a bill to them). */
    @Override
    public Map<String, Price> listPrices() {
        return Map.of("claude-3-5-haiku", new Price(0.80, 4.00), "claude-3-5-sonnet", new Price(3.00, 15.00),
                "claude-3-7-sonnet", new Price(3.00, 15.00), "claude-sonnet-4", new Price(3.00, 15.00),
                "claude-opus-4", new Price(15.00, 75.00));
    }

    @Override
    public LlmClient create(ProviderConfig p, ClientFactory f) {
        return new AnthropicClient(p, f.apiKey(p), JsonHttp.clientFor(p.baseUrl() == null ? "https://" : p.baseUrl(), Duration.ofSeconds(10)),
                f.timeout(p), f.clock());
    }

    @Override
    public dev.promptarena.llm.BatchApi batch(ProviderConfig p, ClientFactory f) {
        return new AnthropicBatch(p, f.apiKey(p), f.timeout(p), f.clock(), AnthropicBatch.LIMITS);
    }

    /** Message Batches cost half the synchronous price. */
    @Override public double batchDiscount() { return 0.5; }
}
