package dev.promptarena.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.JournalEntry;
import dev.promptarena.engine.RequestKeys;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.http.HttpClients;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.llm.openai.OpenAiCodec;
import dev.promptarena.util.DaemonThreads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Start-up work done early on a second core: {@code run} spends most of its first second loading
 * and initializing classes (Jackson databind, the JDK HTTP client and its default TLS context),
 * one after the other on the main thread. This daemon thread touches them while the main thread
 * parses the command line and the config, so they are ready when the run needs them. It has no
 * effect other than class initialization and compiled code; a failure here is ignored (the run then pays the cost itself).
 */
final class Prewarm {
    /**
     * Rounds of a call's JSON work ({@link #callPath}): enough for the JIT's first tier, which compiles a method after
     * ~200 calls, so the first calls of the run do not pay for interpreted JSON code and the compiler's work is not all
     * in the calls phase (bench/README.md, ninth session).
     */
    static final int CALL_PATH_ROUNDS = 300;

    private Prewarm() {}

    static void start() {
        DaemonThreads.start("prompt-arena-prewarm", Prewarm::touch);
    }

    private static void touch() {
        try {
            ObjectMapper json = new ObjectMapper();
            json.writeValueAsString(json.readTree("{\"a\":[1,2.5,\"x\",null,true]}"));
            json.writeValueAsString(Map.of("k", 1));
            HttpClients.release(JsonHttp.clientFor("http://localhost", Duration.ofSeconds(1)));
            RequestKeys keys = new RequestKeys();
            for (int i = 0; i < CALL_PATH_ROUNDS; i++) callPath(json, keys, i);
        } catch (Exception | LinkageError ignored) {
            // best effort
        }
    }

    /**
     * The JSON work of one call, on made-up data and in memory only: the request's cache key, the OpenAI client's body
     * ({@link OpenAiCodec}) written as bytes, a reply parsed and decoded by it, a journal line and a cache entry
     * serialized. Nothing is sent or stored.
     */
    static int callPath(ObjectMapper json, RequestKeys keys, int i) throws Exception {
        LlmRequest request = new LlmRequest("warm-model", "Be helpful.", List.of(new ChatMessage("user", "Case " + i + ": where is my order?")),
                new Decoding(0.0, 1.0, 256, 1L), null, 0);
        String normalized = keys.normalized(request);
        String key = keys.key("openai http://localhost/v1", normalized);
        byte[] sent = json.writeValueAsBytes(OpenAiCodec.body(json, request, "max_tokens"));
        LlmResponse response = OpenAiCodec.response(json.readTree(("{\"id\":\"w" + i + "\",\"object\":\"chat.completion\",\"model\":\"warm-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Answer " + i + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":40,\"total_tokens\":160}}").getBytes(StandardCharsets.UTF_8)), 1);
        String line = json.writeValueAsString(new JournalEntry(key, "A", "warm", normalized, response, null, 0.0, i));
        byte[] cached = json.writeValueAsBytes(response);
        return sent.length + line.length() + cached.length;
    }
}
