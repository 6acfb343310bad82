package dev.promptarena.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.promptarena.judge.PointwisePrompt;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.rubric.RubricLoader;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of request body the tool sends to Anthropic's Messages API, captured from a real run through the real
 * HTTP client, validated against {@code MessageCreateParamsNonStreaming} as Anthropic's TypeScript SDK declares it
 * (package version, licence and derivation: src/test/resources/anthropic/README.md); and responses of the SDK's
 * {@code Message} shape parsed by our codec. The WireConformanceTest of the OpenAI side, for Anthropic.
 */
class AnthropicWireConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema request;
    private static List<JsonNode> bodies;
    private static List<JsonNode> fakeReplies;

    @BeforeAll
    static void captureEveryKindOfRequest(@TempDir Path dir) throws Exception {
        request = AnthropicSpec.schema("MessageCreateParamsNonStreaming");
        // Three single-turn cases and one multi-turn case: the conversation so far goes out with an assistant turn.
        ArenaFixture.goldenSetWithMultiTurn(dir, 3);
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Set<String> garbled = ConcurrentHashMap.newKeySet();
            // Each judge's first reply is not a verdict, so its repair re-ask (assistant turn + instruction) is captured too.
            server.fallback(r -> {
                String model = r.json().path("model").asText();
                if (!model.startsWith("judge")) return Reply.ok("Hi Ana, per policy S-1 we trace it.");
                return garbled.add(model) ? Reply.ok(model.equals("judge-tool") ? "{\"verdict\": \"?\"}" : "no idea") : Reply.ok(ArenaFixture.VERDICT);
            });
            String url = server.rootUrl();
            Path cfg = dir.resolve("wire.yaml");
            Files.writeString(cfg, """
                    name: wire
                    dataset: golden.jsonl
                    rubric: rubric.yaml
                    output: reports
                    providers:
                      claude: {type: anthropic, base_url: "%s", api_key_env: K}
                    variants:
                      A: {provider: claude, model: model-a, system: "Be helpful.", user: "{{customer_name}}: {{message}}",
                          decoding: {temperature: 0.2, top_p: 0.9, max_tokens: 300, seed: 3}}
                      B: {provider: claude, model: model-b, user: "{{customer_name}}: {{message}}"}
                    judge: {order: both, seed: 1}
                    judges:
                      - {provider: claude, model: judge-tool}
                      - {provider: claude, model: judge-text, structured: false}
                    """.formatted(url));
            CliRun run = CliRun.of(Map.of("K", "sk-ant-test"), "run", cfg.toString(), "-q");
            assertTrue(run.exitCode() != 2 && run.exitCode() != 4, run.exitCode() + run.err());
            // The pointwise judge of `score` (production traces) sends its own schema through the same client.
            PointwisePrompt pointwise = new PointwisePrompt(new RubricLoader(false).load(dir.resolve("rubric.yaml")));
            server.enqueue(Reply.ok("{\"scores\": {}}"));
            client(url).send(new LlmRequest("judge-pointwise", pointwise.system(),
                    List.of(ChatMessage.user(pointwise.render("t1", "Where?", "S-1", "Traced."))), new Decoding(0.0, null, 400, 7L),
                    pointwise.schema(), 0)).get();
            bodies = server.requests().stream().map(Recorded::json).toList();
            // What the fake server, which every Anthropic test talks to, answers to a generation and to a forced tool.
            fakeReplies = new ArrayList<>();
            for (JsonNode b : List.of(bodies.stream().filter(b -> !b.has("tools")).findFirst().orElseThrow(),
                    bodies.stream().filter(b -> b.has("tools")).findFirst().orElseThrow())) {
                HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/v1/messages"))
                        .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
                fakeReplies.add(JSON.readTree(raw.body()));
            }
        }
    }

    private static AnthropicClient client(String url) {
        ProviderConfig p = new ProviderConfig("claude", "anthropic", url, "K", 2, null, null, Map.of(), Map.of());
        return new AnthropicClient(p, "sk-ant-test", JsonHttp.clientFor(url, Duration.ofSeconds(2)), Duration.ofSeconds(2), Clock.systemUTC());
    }

    @Test
    void everyRequestBodyConformsToMessageCreateParams() {
        List<String> problems = new ArrayList<>();
        for (JsonNode b : bodies) AnthropicSpec.violations(request, b).forEach(v -> problems.add(v + " in " + b));
        assertEquals(List.of(), problems);
        // What the TypeScript type cannot say: max_tokens is a count (the SDK types it `number`).
        assertTrue(bodies.stream().allMatch(b -> b.path("max_tokens").isIntegralNumber() && b.path("max_tokens").asInt() > 0), "integer max_tokens");
        // The run produced each kind of body this test is about.
        assertTrue(bodies.stream().anyMatch(b -> b.has("temperature") && b.has("top_p") && b.path("max_tokens").asInt() == 300
                && b.path("system").isTextual()), "all decoding fields and a system prompt");
        assertTrue(bodies.stream().anyMatch(b -> b.path("model").asText().equals("model-b") && !b.has("temperature") && !b.has("top_p")
                && !b.has("system") && b.path("max_tokens").asInt() == AnthropicCodec.DEFAULT_MAX_TOKENS), "no decoding fields (max_tokens is required)");
        assertTrue(bodies.stream().filter(b -> b.path("model").asText().equals("model-a"))
                .anyMatch(b -> b.path("messages").findValuesAsText("role").contains("assistant")), "a multi-turn generation");
        for (String judge : List.of("judge-tool", "judge-text")) {
            assertTrue(bodies.stream().filter(b -> b.path("model").asText().equals(judge)).anyMatch(b -> b.path("messages").size() > 2),
                    "the repair re-ask of " + judge);
        }
        assertTrue(bodies.stream().filter(b -> b.path("model").asText().equals("judge-tool")).allMatch(AnthropicWireConformanceTest::forcesOneTool),
                "the structured judge forces its one tool on every call, re-ask included");
        assertTrue(bodies.stream().filter(b -> b.path("model").asText().equals("judge-text")).noneMatch(b -> b.has("tools") || b.has("tool_choice")),
                "structured: false sends no tool");
        assertTrue(bodies.stream().anyMatch(b -> b.path("model").asText().equals("judge-pointwise") && forcesOneTool(b)), "the pointwise judge's tool");
        assertTrue(bodies.stream().noneMatch(b -> b.has("seed")), "the Messages API has no seed");
    }

    private static boolean forcesOneTool(JsonNode b) {
        return b.path("tools").size() == 1 && b.at("/tool_choice/type").asText().equals("tool")
                && b.at("/tool_choice/name").asText().equals(b.at("/tools/0/name").asText());
    }

    @Test
    void toolsStayWithinWhatTheApiAccepts() {
        for (JsonNode b : bodies) {
            for (JsonNode tool : b.path("tools")) {
                // The API's tool-name rule (stated in Anthropic's tool-use docs; the SDK types only say string).
                assertTrue(tool.path("name").asText().matches("[a-zA-Z0-9_-]{1,64}"), tool.toString());
                assertEquals(List.of(), AnthropicSpec.violations(AnthropicSpec.schema("Tool"), tool));
                assertEquals("object", tool.at("/input_schema/type").asText());
            }
        }
    }

    @Test
    void theValidatorRejectsBodiesThatBreakTheTypes() {
        JsonNode judge = bodies.stream().filter(b -> b.has("tools")).findFirst().orElseThrow();
        ObjectNode seeded = judge.deepCopy();
        seeded.put("seed", 3);
        ObjectNode noMaxTokens = judge.deepCopy();
        noMaxTokens.remove("max_tokens");
        ObjectNode openAiFormat = judge.deepCopy();
        openAiFormat.putObject("response_format").put("type", "json_object");
        ObjectNode badChoice = judge.deepCopy();
        ((ObjectNode) badChoice.get("tool_choice")).put("type", "function");
        ObjectNode arraySchema = judge.deepCopy();
        ((ObjectNode) arraySchema.at("/tools/0/input_schema")).put("type", "array");
        ObjectNode badRole = judge.deepCopy();
        ((ObjectNode) badRole.at("/messages/0")).put("role", "judge");
        for (JsonNode bad : List.of(seeded, noMaxTokens, openAiFormat, badChoice, arraySchema, badRole)) {
            assertFalse(AnthropicSpec.violations(request, bad).isEmpty(), "accepted: " + bad);
        }
    }

    @Test
    void responsesOfTheSdksMessageShapeParse() {
        JsonSchema message = AnthropicSpec.schema("Message");
        // The fake server speaks the SDK's shape, so every Anthropic test reads what the API sends.
        for (JsonNode reply : fakeReplies) assertEquals(List.of(), AnthropicSpec.violations(message, reply), reply.toString());
        JsonNode text = fakeReplies.get(0);
        LlmResponse r = AnthropicCodec.response(text, 5);
        assertEquals(text.at("/content/0/text").asText(), r.text());
        assertEquals(text.path("model").asText(), r.model());
        assertEquals("stop", r.finishReason());
        assertEquals(7, r.usage().outputTokens());
        JsonNode tool = fakeReplies.get(1);
        LlmResponse t = AnthropicCodec.response(tool, 5);
        assertEquals(tool.at("/content/0/input"), JSON.valueToTree(parse(t.text())));
        assertEquals("tool", t.finishReason());
        // A reply cut at max_tokens with text before a tool call, as the SDK types allow: the tool input is the answer.
        ObjectNode cut = tool.deepCopy();
        cut.put("stop_reason", "max_tokens");
        ((com.fasterxml.jackson.databind.node.ArrayNode) cut.get("content")).insert(0, text.at("/content/0"));
        assertEquals(List.of(), AnthropicSpec.violations(message, cut));
        LlmResponse c = AnthropicCodec.response(cut, 5);
        assertEquals(t.text(), c.text());
        assertEquals("length", c.finishReason());
        // The schema can fail: a reply without usage, or with an unknown stop reason, is not the SDK's Message.
        ObjectNode noUsage = text.deepCopy();
        noUsage.remove("usage");
        ObjectNode oddStop = text.deepCopy();
        oddStop.put("stop_reason", "finished");
        for (JsonNode bad : List.of(noUsage, oddStop)) assertFalse(AnthropicSpec.violations(message, bad).isEmpty(), bad.toString());
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(s, e);
        }
    }
}
