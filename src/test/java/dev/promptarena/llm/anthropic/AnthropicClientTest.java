package dev.promptarena.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {
    static final String KEY = "sk-ant-test-SECRET123";
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() { server.close(); }

    private AnthropicClient client() {
        ProviderConfig p = new ProviderConfig("claude", "anthropic", server.rootUrl() + "/", "ANTHROPIC_API_KEY", 2, null, null, Map.of(), Map.of());
        return new AnthropicClient(p, KEY, JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)), Duration.ofSeconds(2), Clock.systemUTC());
    }

    private static LlmRequest request(Decoding d, JsonNode schema) {
        return new LlmRequest("claude-sonnet-4-20250514", "judge fairly", List.of(ChatMessage.user("compare")), d, schema, 0);
    }

    @Test
    void sendsMessagesApiShapeAndReadsText() throws Exception {
        LlmResponse r = client().send(request(new Decoding(0.2, 0.9, null, 5L), null)).get();
        assertEquals("echo: compare", r.text());
        assertEquals(11, r.usage().inputTokens());
        assertEquals(7, r.usage().outputTokens());
        assertEquals("stop", r.finishReason());
        FakeOpenAiServer.Recorded rec = server.requests().get(0);
        assertEquals("/v1/messages", rec.path());
        assertEquals(KEY, rec.header("x-api-key"));
        assertEquals("2023-06-01", rec.header("anthropic-version"));
        JsonNode b = rec.json();
        assertEquals(1024, b.get("max_tokens").asInt(), "Anthropic requires max_tokens: default 1024");
        assertEquals("judge fairly", b.get("system").asText());
        assertEquals("user", b.at("/messages/0/role").asText());
        assertEquals(0.2, b.get("temperature").asDouble());
        assertEquals(0.9, b.get("top_p").asDouble());
        assertFalse(b.has("seed"));
        assertFalse(b.has("tools"));
    }

    @Test
    void structuredOutputForcesOneToolAndReturnsItsInput() throws Exception {
        JsonNode schema = new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{\"winner\":{\"type\":\"string\"}}}");
        server.enqueue(Reply.ok("{\"winner\":\"A\"}"));
        LlmResponse r = client().send(request(new Decoding(null, null, 300, null), schema)).get();
        assertEquals("{\"winner\":\"A\"}", r.text());
        assertEquals("tool", r.finishReason());
        JsonNode b = server.requests().get(0).json();
        assertEquals(300, b.get("max_tokens").asInt());
        assertEquals(schema, b.at("/tools/0/input_schema"));
        assertEquals("tool", b.at("/tool_choice/type").asText());
        assertEquals(b.at("/tools/0/name").asText(), b.at("/tool_choice/name").asText());
    }

    @Test
    void stopReasonsAndErrors() {
        assertEquals("length", AnthropicCodec.normalizeStop("max_tokens"));
        assertEquals("refusal", AnthropicCodec.normalizeStop("refusal"));
        server.enqueue(new Reply("error", 529, Map.of(), "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}", 0),
                Reply.rateLimited("2"), Reply.error(400, "max_tokens: field required"));
        AnthropicClient c = client();
        ProviderException overloaded = fail(c);
        assertEquals(ProviderException.Kind.TRANSIENT, overloaded.kind());
        assertTrue(overloaded.getMessage().contains("Overloaded"), overloaded.getMessage());
        ProviderException limited = fail(c);
        assertEquals(ProviderException.Kind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofSeconds(2), limited.retryAfter());
        ProviderException bad = fail(c);
        assertEquals(ProviderException.Kind.FATAL, bad.kind());
        assertTrue(bad.getMessage().contains("HTTP 400: max_tokens: field required"), bad.getMessage());
    }

    private static ProviderException fail(AnthropicClient c) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> c.send(request(null, null)).get());
        return assertInstanceOf(ProviderException.class, e.getCause());
    }
}
