package dev.promptarena.engine;

import dev.promptarena.llm.Price;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.RecordingDelayer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Builds engines against a fake server with an instant delayer and the recognizable fake key. */
final class EngineFixture {
    static final String KEY = "sk-test-SECRET123";
    final RecordingDelayer delayer = new RecordingDelayer();
    final FakeOpenAiServer server;
    final Path cacheDir;
    Clock clock = Clock.systemUTC();
    int maxAttempts = 6;
    int concurrency = 16;
    /**
     * Far beyond any normal reply, even on a loaded machine: with 2 s, replies slowed down by a build running beside the
     * suite were cut off and retried (CallEngineRateLimitTest counted 74 requests for 70 calls). Tests of the deadline set
     * their own.
     */
    String timeoutSeconds = "30";
    Double maxCost;
    Map<String, Price> prices = Map.of();
    String type = "openai";
    Double requestsPerMinute;
    Double tokensPerMinute;

    EngineFixture(FakeOpenAiServer server, Path cacheDir) {
        this.server = server;
        this.cacheDir = cacheDir;
    }

    ProviderConfig provider() {
        String url = type.equals("anthropic") ? server.rootUrl() : server.baseUrl();
        return new ProviderConfig("fake", type, url, "FAKE_KEY", concurrency, requestsPerMinute, tokensPerMinute, Map.of("X-Trace", "t"),
                Map.of("timeout_seconds", timeoutSeconds));
    }

    CallEngine engine(Path runDir) {
        EngineOptions o = new EngineOptions(cacheDir, maxCost, null, null, delayer, clock);
        ClientFactory f = new ClientFactory(Map.of("FAKE_KEY", KEY), clock);
        return new CallEngine(Map.of("fake", provider()), f::create, maxAttempts, prices, runDir, o);
    }

    static LlmRequest request(int i) {
        return new LlmRequest("gpt-4o-mini", "sys", List.of(ChatMessage.user("case-" + i)), new Decoding(0.0, null, 100, null), null, 0);
    }
}
