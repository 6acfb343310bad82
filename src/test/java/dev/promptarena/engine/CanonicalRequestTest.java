package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The request is written once, as text, for both the cache key and the journal line (issue 21 item 4). Keys address a
 * cache shared with older versions and every journal a run resumes from, so the text must be byte for byte what the
 * earlier path wrote: the request converted to a tree by the canonical mapper ({@code valueToTree}), that tree written
 * for the key, and written again by the journal's mapper inside the line. {@link Before} is that path, kept here as the
 * reference; the pinned values were printed by main at 06c1415 (before the change).
 */
class CanonicalRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestKeys keys = new RequestKeys();

    /** The earlier path, as it was: a tree from the canonical mapper, then text. */
    private static final class Before {
        static final ObjectMapper CANONICAL = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();

        /** The journal entry of earlier versions, with the request as a tree. */
        record Entry(String key, String role, String provider, JsonNode request, LlmResponse response, CallFailure failure,
                     double costUsd, long atMillis) {}

        static String key(String identity, LlmRequest r) throws Exception {
            return dev.promptarena.input.Hashing.sha256(RequestKeys.VERSION + "\n" + identity + "\n"
                    + CANONICAL.writeValueAsString(CANONICAL.valueToTree(r)));
        }

        static String line(String key, LlmRequest r, LlmResponse answer, CallFailure failure, double cost, long at) throws Exception {
            return JSON.writeValueAsString(new Entry(key, "A", "openai", CANONICAL.valueToTree(r), answer, failure, cost, at));
        }
    }

    private static LlmRequest rich() throws Exception {
        return new LlmRequest("gpt-4o-mini", "You are terse.",
                List.of(new ChatMessage("user", "Where is my order #123? \u00e9\u4e2d\ud83d\ude00 \"quoted\" \\ back\u2028line\ttab\u0001"),
                        new ChatMessage("assistant", "Which order?"), new ChatMessage("user", "The <b>last</b> one")),
                new Decoding(0.7, 0.95, 256, 42L),
                JSON.readTree("{\"type\":\"object\",\"properties\":{\"winner\":{\"enum\":[\"A\",\"B\",\"tie\"]},"
                        + "\"score\":{\"type\":\"number\",\"maximum\":1.5}},\"required\":[\"winner\"]}"),
                2, 1);
    }

    @Test
    void keysAreThoseEarlierVersionsComputed() throws Exception {
        // Printed by main at 06c1415: RequestKeys.key("openai http://localhost/v1", request).
        assertEquals("e95f9b5284a45c6b76559af193b4513396fc448d618e46003074a3b488197b55", keys.key("openai http://localhost/v1", rich()));
        assertEquals("0476ed126bb88daec7232913f3415d6934f474a0f7c0071cac7166aabd57c530", keys.key("openai http://localhost/v1",
                new LlmRequest("m", null, List.of(new ChatMessage("user", "hi")), null, null, 0)));
    }

    @Test
    void aJournalLineIsTheOneEarlierVersionsWrote() throws Exception {
        LlmRequest r = new LlmRequest("gpt-4o-mini", "You are terse.",
                List.of(new ChatMessage("user", "Where is my order #123? \u00e9\u4e2d\ud83d\ude00 \"quoted\" \\ back\u2028line\ttab\u0001")),
                new Decoding(0.7, 0.95, 256, 42L), null, 2, 1);
        LlmResponse answer = new LlmResponse("It ships today.", "gpt-4o-mini-2024", null, new Usage(120, 40), "stop", 87, 1, false);
        String key = keys.key("openai http://localhost/v1", r);
        // Printed by main at 06c1415: the journal's ObjectMapper writing JournalEntry(key, "A", "openai", tree, answer, null, 4.2e-5, 1.7e12).
        String pinned = "{\"key\":\"1c0051860da9b05c941a22a9f90bb37dbdc0468fe5d614e3cf72bf9082367529\",\"role\":\"A\",\"provider\":\"openai\",\"request\":{\"decoding\":{\"maxTokens\":256,\"seed\":42,\"temperature\":0.7,\"topP\":0.95},\"messages\":[{\"content\":\"Where is my order #123? é中😀 \\\"quoted\\\" \\\\ back line\\ttab\\u0001\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\",\"repeat\":1,\"responseSchema\":null,\"sample\":2,\"system\":\"You are terse.\"},\"response\":{\"text\":\"It ships today.\",\"model\":\"gpt-4o-mini-2024\",\"systemFingerprint\":null,\"usage\":{\"inputTokens\":120,\"outputTokens\":40},\"finishReason\":\"stop\",\"latencyMillis\":87,\"attempts\":1,\"cached\":false},\"failure\":null,\"costUsd\":4.2E-5,\"atMillis\":1700000000000}";
        assertEquals(pinned, JSON.writeValueAsString(new JournalEntry(key, "A", "openai", keys.normalized(r), answer, null, 0.000042, 1700000000000L)));
    }

    @Test
    void keysAndLinesMatchTheEarlierPathOnVariedRequests() throws Exception {
        SplittableRandom random = new SplittableRandom(20261130);
        for (int i = 0; i < 300; i++) {
            LlmRequest r = randomRequest(random);
            String identity = random.nextBoolean() ? "openai http://localhost/v1" : "anthropic https://api.anthropic.com/v1";
            String key = keys.key(identity, r);
            assertEquals(Before.key(identity, r), key, "key of request " + i);
            LlmResponse answer = random.nextBoolean()
                    ? new LlmResponse(text(random), "m-" + i, random.nextBoolean() ? null : "fp" + i, new Usage(random.nextInt(5000), random.nextInt(900)),
                            "stop", random.nextInt(9000), 1 + random.nextInt(3), random.nextBoolean())
                    : null;
            CallFailure failure = answer == null ? new CallFailure("http_error", 500, text(random)) : null;
            double cost = random.nextDouble() / 1000;
            long at = 1_700_000_000_000L + random.nextInt(1_000_000);
            assertEquals(Before.line(key, r, answer, failure, cost, at),
                    JSON.writeValueAsString(new JournalEntry(key, "A", "openai", keys.normalized(r), answer, failure, cost, at)),
                    "journal line of request " + i);
        }
    }

    @Test
    void aLineStillReadsBackWithoutItsRequest() throws Exception {
        LlmRequest r = rich();
        LlmResponse answer = new LlmResponse("ok", "m", null, new Usage(1, 2), "stop", 5, 1, false);
        byte[] line = JSON.writeValueAsBytes(new JournalEntry("k", "A", "p", keys.normalized(r), answer, null, 0.5, 9L));
        JournalEntry back = JournalLine.entry(JSON, line, line.length);
        assertEquals(new JournalEntry("k", "A", "p", null, answer, null, 0.5, 9L), back);
        assertEquals("k", JournalLine.head(JSON, line, line.length).key());
        assertEquals(r.model(), JSON.readTree(new String(line, StandardCharsets.UTF_8)).get("request").get("model").asText(),
                "the request is embedded as JSON, not as a string");
    }

    private static LlmRequest randomRequest(SplittableRandom random) throws Exception {
        List<ChatMessage> messages = new ArrayList<>();
        int turns = 1 + random.nextInt(3);
        for (int t = 0; t < turns; t++) messages.add(new ChatMessage(t % 2 == 0 ? "user" : "assistant", text(random)));
        if (messages.size() % 2 == 0) messages.add(new ChatMessage("user", text(random)));
        Decoding decoding = random.nextBoolean() ? null : new Decoding(
                random.nextBoolean() ? null : random.nextInt(200) / 100.0 + (random.nextBoolean() ? 1e-7 : 0),
                random.nextBoolean() ? null : (1 + random.nextInt(100)) / 100.0,
                random.nextBoolean() ? null : 1 + random.nextInt(100_000),
                random.nextBoolean() ? null : random.nextLong());
        JsonNode schema = random.nextInt(3) > 0 ? null : JSON.readTree("{\"z\":1,\"a\":{\"y\":[1.25,-0.0,3e-9,null,true],\"b\":"
                + JSON.writeValueAsString(text(random)) + "},\"big\":12345678901234567890}");
        return new LlmRequest("model-" + random.nextInt(10), random.nextBoolean() ? null : text(random), messages, decoding, schema,
                random.nextInt(4), random.nextInt(3));
    }

    /** Text with what escaping must get right: quotes, backslashes, controls, line separators, non-BMP characters. */
    private static String text(SplittableRandom random) {
        String[] pieces = {"plain words", "\"", "\\", "\n", "\t", "\u0000", "\u001f", "\u007f", "\u2028", "\u2029", "\u00e9",
                "\u4e2d\u6587", "\ud83d\ude00", "</script>", "=SUM(A1)", "\u202e", "{{x}}", " "};
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) b.append(pieces[random.nextInt(pieces.length)]);
        return b.toString();
    }
}
