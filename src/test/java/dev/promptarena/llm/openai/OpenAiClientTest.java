package dev.promptarena.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.promptarena.llm.ProviderPresets;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {
    static final String KEY = "sk-test-SECRET123";
    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stop() { server.close(); }

    private OpenAiClient client(Map<String, String> options) {
        return client(options, Duration.ofSeconds(30));
    }

    /** A request timeout long enough that no reply of the fake server reaches it, however loaded the machine. */
    private OpenAiClient client(Map<String, String> options, Duration requestTimeout) {
        ProviderConfig p = new ProviderConfig("p", "openai", server.baseUrl(), "OPENAI_API_KEY", 4, null, null,
                Map.of("X-Team", "evals"), options);
        return new OpenAiClient(p, KEY, JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)), requestTimeout, clock);
    }

    private static LlmRequest request(JsonNode schema) {
        return new LlmRequest("gpt-4o-mini", "be brief", List.of(ChatMessage.user("hi")),
                new Decoding(0.0, null, 64, 42L), schema, 0);
    }

    private static ProviderException failure(OpenAiClient c) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> c.send(request(null)).get());
        return assertInstanceOf(ProviderException.class, e.getCause());
    }

    @Test
    void sendsOnlyTheSetFieldsSystemFirstAndReadsTheReply() throws Exception {
        LlmResponse r = client(Map.of()).send(request(null)).get();
        assertEquals("echo: hi", r.text());
        assertEquals("gpt-4o-mini", r.model());
        assertEquals("fp_test", r.systemFingerprint());
        assertEquals(11, r.usage().inputTokens());
        assertEquals(7, r.usage().outputTokens());
        assertEquals("stop", r.finishReason());
        FakeOpenAiServer.Recorded rec = server.requests().get(0);
        assertEquals("/v1/chat/completions", rec.path());
        assertEquals("Bearer " + KEY, rec.header("Authorization"));
        assertEquals("evals", rec.header("X-Team"));
        JsonNode body = rec.json();
        assertEquals("system", body.at("/messages/0/role").asText());
        assertEquals("be brief", body.at("/messages/0/content").asText());
        assertEquals("user", body.at("/messages/1/role").asText());
        assertEquals(0.0, body.get("temperature").asDouble());
        assertEquals(64, body.get("max_tokens").asInt());
        assertEquals(42, body.get("seed").asLong());
        assertFalse(body.has("top_p"), "unset fields are not sent");
        assertFalse(body.has("response_format"));
    }

    @Test
    void structuredOutputUsesJsonSchemaResponseFormat() throws Exception {
        JsonNode schema = new ObjectMapper().readTree("{\"title\":\"verdict\",\"type\":\"object\",\"properties\":{\"winner\":{\"type\":\"string\"}}}");
        client(Map.of()).send(request(schema)).get();
        JsonNode rf = server.requests().get(0).json().get("response_format");
        assertEquals("json_schema", rf.get("type").asText());
        assertEquals("verdict", rf.at("/json_schema/name").asText());
        assertTrue(rf.at("/json_schema/strict").asBoolean());
        assertEquals(schema, rf.at("/json_schema/schema"));
    }

    @Test
    void finishReasonsAreNormalized() {
        assertEquals("refusal", OpenAiCodec.normalizeFinish("content_filter"));
        assertEquals("tool", OpenAiCodec.normalizeFinish("tool_calls"));
        assertEquals("length", OpenAiCodec.normalizeFinish("length"));
        assertEquals("other", OpenAiCodec.normalizeFinish("weird"));
    }

    @Test
    void clientErrorsAreFatalWithStatusAndProviderText() {
        server.enqueue(Reply.error(401, "Incorrect API key provided: " + KEY));
        ProviderException e = failure(client(Map.of()));
        assertEquals(ProviderException.Kind.FATAL, e.kind());
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), "the key is redacted: " + e.getMessage());
    }

    @Test
    void secretHeaderValuesAreRedactedToo() {
        ProviderConfig p = new ProviderConfig("p", "openai", server.baseUrl(), null, 4, null, null,
                Map.of("X-Org-Token", "tok-HEADER-SECRET-9"), Map.of());
        OpenAiClient c = new OpenAiClient(p, null, JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)), Duration.ofSeconds(2), clock);
        server.enqueue(Reply.error(403, "token tok-HEADER-SECRET-9 lacks scope"));
        ProviderException e = failure(c);
        assertTrue(e.getMessage().contains("HTTP 403") && !e.getMessage().contains("HEADER-SECRET"), e.getMessage());
        assertNull(server.requests().get(0).header("Authorization"), "no key, no Authorization header");
    }

    /** A proxy's HTML page that echoes the request headers comes back as a 200 that is not JSON: its snippet is reported too. */
    @Test
    void theKeyIsRedactedFromAGarbledSuccessBody() {
        server.enqueue(new Reply("garbled", 200, Map.of(), "<html>upstream rejected Authorization: Bearer " + KEY + "</html>", 0));
        ProviderException e = failure(client(Map.of()));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), "the key is redacted: " + e.getMessage());
    }

    /** The snippet of a long body is cut at 300 characters: cut first, a key across the cut kept its first characters. */
    @Test
    void noPartOfTheKeySurvivesTheCutOfALongErrorBody() {
        server.enqueue(new Reply("error", 401, Map.of(), "x".repeat(290) + " " + KEY + " was refused", 0));
        ProviderException e = failure(client(Map.of()));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY.substring(0, 6)), "no prefix of the key: " + e.getMessage());
    }

    /** A server that is not there: the failure says so in words, not with the client's Java class name ("ConnectException"). */
    @Test
    void aRefusedConnectionIsDescribedInWords() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closedPort + "/v1";
        ProviderConfig p = new ProviderConfig("p", "openai", base, "OPENAI_API_KEY", 4, null, null, Map.of(), Map.of());
        OpenAiClient c = new OpenAiClient(p, KEY, JsonHttp.clientFor(base, Duration.ofSeconds(2)), Duration.ofSeconds(2), clock);
        ProviderException e = failure(c);
        assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
        assertTrue(e.getMessage().startsWith("connection failed: could not connect"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no Java class name: " + e.getMessage());
    }

    /** A key pasted with its line break: the JDK refuses the header and its message quotes the whole value. */
    @Test
    void aKeyTheJdkRefusesAsAHeaderIsNotQuotedInTheFailure() {
        ProviderConfig p = new ProviderConfig("p", "openai", server.baseUrl(), "OPENAI_API_KEY", 4, null, null, Map.of(), Map.of());
        OpenAiClient c = new OpenAiClient(p, KEY + "\n", JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)), Duration.ofSeconds(2), clock);
        ProviderException e = failure(c);
        assertEquals(ProviderException.Kind.FATAL, e.kind());
        assertFalse(e.getMessage().contains(KEY), "the key is redacted: " + e.getMessage());
        assertFalse(e.getMessage().contains("java."), "no Java class name: " + e.getMessage());
        assertTrue(server.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.enqueue(Reply.rateLimited("7"));
        ProviderException e = failure(client(Map.of()));
        assertEquals(ProviderException.Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
    }

    @Test
    void serverErrorsTimeoutsAndGarbledBodiesAreTransient() {
        OpenAiClient c = client(Map.of());
        server.enqueue(Reply.serverError(), Reply.malformed(), new Reply("error", 408, Map.of(), "{}", 0));
        for (String expect : List.of("HTTP 500", "malformed JSON", "HTTP 408")) {
            ProviderException e = failure(c);
            assertEquals(ProviderException.Kind.TRANSIENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains(expect), e.getMessage());
        }
        // The timeout on its own client: the server never answers within the test (closing it ends the wait), so
        // the client's 500 ms deadline is the only way this call can end, however the threads are scheduled.
        server.enqueue(Reply.hang(600_000));
        ProviderException timedOut = failure(client(Map.of(), Duration.ofMillis(500)));
        assertEquals(ProviderException.Kind.TRANSIENT, timedOut.kind(), timedOut.getMessage());
        assertTrue(timedOut.getMessage().contains("timeout"), timedOut.getMessage());
    }

    @Test
    void insufficientQuotaIsNotWorthRetrying() {
        server.enqueue(new Reply("429", 429, Map.of(), "{\"error\":{\"message\":\"You exceeded your current quota\",\"code\":\"insufficient_quota\"}}", 0));
        assertEquals(ProviderException.Kind.FATAL, failure(client(Map.of())).kind());
    }

    @Test
    void azurePresetUsesDeploymentPathApiKeyHeaderAndVersion() throws Exception {
        ProviderConfig p = ProviderPresets.find("azure").orElseThrow().toConfig("az", server.rootUrl(), null, 4, null, null,
                Map.of(), Map.of("deployment", "gpt4o-prod"));
        assertEquals("AZURE_OPENAI_API_KEY", p.apiKeyEnv());
        OpenAiClient c = new OpenAiClient(p, KEY, JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)), Duration.ofSeconds(2), clock);
        c.send(request(null)).get();
        FakeOpenAiServer.Recorded rec = server.requests().get(0);
        assertEquals("/openai/deployments/gpt4o-prod/chat/completions", rec.path());
        assertEquals("api-version=2024-10-21", rec.query());
        assertEquals(KEY, rec.header("api-key"));
        assertNull(rec.header("Authorization"));
        assertFalse(c.identity().contains(KEY));
    }

    @Test
    void presetsFillDefaults() {
        ProviderConfig p = ProviderPresets.find("ollama").orElseThrow().toConfig("local", null, null, 2, null, null, null, null);
        assertEquals("http://localhost:11434/v1", p.baseUrl());
        assertNull(p.apiKeyEnv());
        assertEquals("openai", p.type());
        assertThrows(IllegalArgumentException.class, () -> ProviderPresets.find("azure").orElseThrow()
                .toConfig("az", "https://x.openai.azure.com", null, 2, null, null, null, null), "deployment is required");
    }
}
