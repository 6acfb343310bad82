package dev.promptarena.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.promptarena.testing.LoopbackHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    @Test
    void releaseEndsTheClientsSelectorThreadSoTheJvmNeedNotWaitForIt() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start(0, null, ex -> {
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        })) {
            HttpClient client = JsonHttp.clientFor("http://127.0.0.1", Duration.ofSeconds(5));
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(server.rootUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", reply.body());
            Thread selector = selectorThreadOf(client);
            assertNotNull(selector, "the client's selector thread is running before release");

            HttpClients.release(client);

            selector.join(5_000);
            assertFalse(selector.isAlive(), "the selector thread ended");
        }
    }

    private static Thread selectorThreadOf(HttpClient client) {
        String id = client.toString().replaceAll(".*\\((\\d+)\\)$", "$1");
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("HttpClient-" + id + "-SelectorManager")).findFirst().orElse(null);
    }
}
