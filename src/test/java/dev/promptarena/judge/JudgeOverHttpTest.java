package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.engine.CostModel;
import dev.promptarena.engine.DirectCalls;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.anthropic.AnthropicClient;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.llm.openai.OpenAiClient;
import dev.promptarena.stats.Winner;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The judge through the real wire clients against the in-process fake server: the verdict schema goes
 * out as OpenAI {@code response_format} / an Anthropic forced tool (or not at all with
 * {@code structured: false}), and malformed, truncated and refused replies come back as the right traces.
 */
class JudgeOverHttpTest {
    private static final String VERDICT = "{\"winner\": \"B\", \"scores\": {\"A\": {\"Clarity\": 2}, \"B\": {\"Clarity\": 5}}, \"reason\": \"B is clearer.\"}";
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() { server.close(); }

    private List<JudgeTrace> judge(LlmClient client, boolean structured) {
        JudgeConfig config = new JudgeConfig("j", "p", "judge-model", JudgeConfig.Order.RANDOM, 1, new Decoding(0.0, null, 256, null), null, 1, structured);
        PairJudge judge = new PairJudge(config, new JudgePrompt(PairJudgeTest.RUBRIC, null), new DirectCalls(Map.of("p", client)), CostModel.FREE);
        return judge.judge("case-1", 0, new PairJudge.Material("Where is my parcel?", null, null), "answer A", "answer B").join();
    }

    private LlmClient openAi() {
        ProviderConfig p = new ProviderConfig("p", "openai", server.baseUrl(), null, 2, null, null, Map.of(), Map.of());
        return new OpenAiClient(p, null, JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)), Duration.ofSeconds(2), Clock.systemUTC());
    }

    private LlmClient anthropic() {
        ProviderConfig p = new ProviderConfig("p", "anthropic", server.rootUrl(), null, 2, null, null, Map.of(), Map.of());
        return new AnthropicClient(p, null, JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)), Duration.ofSeconds(2), Clock.systemUTC());
    }

    /** An OpenAI chat completion body with the given content and finish reason. */
    private static Reply openAiBody(String content, String finish) {
        String body = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"judge-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + quote(content) + "},\"finish_reason\":\"" + finish + "\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":5}}";
        return new Reply("ok", 200, Map.of(), body, 0);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void openAiStructuredVerdictIsSentAsJsonSchemaAndRead() {
        server.enqueue(Reply.ok(VERDICT));
        JudgeTrace t = judge(openAi(), true).get(0);
        assertEquals(JudgeStatus.OK, t.status());
        assertEquals(t.bFirst() ? Winner.A : Winner.B, t.winner(), "presented B maps back to the variant shown second");
        JsonNode format = server.requests().get(0).json().path("response_format");
        assertEquals("json_schema", format.path("type").asText());
        assertEquals("verdict", format.path("json_schema").path("name").asText());
        assertEquals(List.of("A", "B", "tie"), List.of(format.at("/json_schema/schema/properties/winner/enum/0").asText(),
                format.at("/json_schema/schema/properties/winner/enum/1").asText(), format.at("/json_schema/schema/properties/winner/enum/2").asText()));
        assertEquals("integer", format.at("/json_schema/schema/properties/scores/properties/A/properties/Clarity/type").asText());
    }

    @Test
    void structuredFalseSendsNoResponseFormat() {
        server.enqueue(Reply.ok("Here is my verdict:\n```json\n" + VERDICT + "\n```"));
        JudgeTrace t = judge(openAi(), false).get(0);
        assertEquals(JudgeStatus.OK, t.status());
        assertFalse(server.requests().get(0).json().has("response_format"));
    }

    @Test
    void openAiMalformedThenRepairedThenTruncatedAndRefused() {
        server.enqueue(Reply.ok("The second response is better."), Reply.ok(VERDICT));
        JudgeTrace repaired = judge(openAi(), true).get(0);
        assertTrue(repaired.repaired());
        JsonNode reask = server.requests().get(1).json().path("messages");
        assertEquals("assistant", reask.get(reask.size() - 2).path("role").asText());
        assertTrue(reask.get(reask.size() - 1).path("content").asText().startsWith("Your reply could not be read"));

        String cut = "{\"winner\": \"B\", \"scores\": {\"A\": {\"Cla";
        server.enqueue(openAiBody(cut, "length"), openAiBody(cut, "length"));
        JudgeTrace truncated = judge(openAi(), true).get(0);
        assertEquals(JudgeStatus.UNPARSEABLE, truncated.status());
        assertTrue(truncated.truncated());

        server.enqueue(openAiBody("I can't help with that.", "content_filter"), openAiBody("I can't help with that.", "content_filter"));
        JudgeTrace refused = judge(openAi(), true).get(0);
        assertEquals(JudgeStatus.UNPARSEABLE, refused.status());
    }

    @Test
    void anthropicStructuredVerdictIsAForcedToolAndItsInputIsTheVerdict() {
        server.enqueue(Reply.ok(VERDICT));
        JudgeTrace t = judge(anthropic(), true).get(0);
        assertEquals(JudgeStatus.OK, t.status());
        JsonNode body = server.requests().get(0).json();
        assertEquals("/v1/messages", server.requests().get(0).path());
        assertEquals("tool", body.path("tool_choice").path("type").asText());
        assertEquals("object", body.at("/tools/0/input_schema/type").asText());
        assertEquals(2, t.bFirst() ? t.scoresB().get("Clarity") : t.scoresA().get("Clarity"));
    }

    @Test
    void anthropicWithoutStructuredOutputParsesTheText() {
        server.enqueue(Reply.ok("After comparing both: [[B]]"));
        JudgeTrace t = judge(anthropic(), false).get(0);
        assertEquals(JudgeStatus.OK, t.status());
        assertFalse(server.requests().get(0).json().has("tools"));
        assertEquals(t.bFirst() ? Winner.A : Winner.B, t.winner());
    }
}
