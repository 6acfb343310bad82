package dev.promptarena.cli;

import dev.promptarena.util.DaemonThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.http.HttpClients;
import dev.promptarena.llm.http.JsonHttp;
import java.time.Duration;
import java.util.Map;

/**
 * Start-up work done early on a second core: {@code run} spends most of its first second loading
 * and initializing classes (Jackson databind, the JDK HTTP client and its default TLS context),
 * one after the other on the main thread. This daemon thread touches them while the main thread
 * parses the command line and the config, so they are ready when the run needs them. It has no
 * effect other than class initialization; a failure here is ignored (the run then pays the cost itself).
 */
final class Prewarm {
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
        } catch (Exception | LinkageError ignored) {
            // best effort
        }
    }
}
