package dev.promptarena.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.testing.LoopbackHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The provider clients run their exchanges on a fixed few threads, not the JDK's per-burst cached pool (bench/README.md). */
class ExchangeThreadsTest {
    @Test
    void manyConcurrentCallsCompleteWithoutTheJdksDefaultWorkerThreads() throws Exception {
        LoopbackHttpServer server = LoopbackHttpServer.start(256, Executors.newCachedThreadPool(), ex -> {
            ex.getRequestBody().readAllBytes();
            try {
                Thread.sleep(50); // the calls overlap: all 64 are in flight together
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"ok\":true}".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        HttpClient client = JsonHttp.clientFor("http://127.0.0.1", Duration.ofSeconds(5));
        try {
            URI uri = URI.create(server.rootUrl() + "/v1/chat/completions");
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> c : calls) assertEquals(200, c.get().statusCode());

            // The JDK's default executor names its threads HttpClient-<id>-Worker-<n>; the client's own pool is used instead.
            String id = client.toString().replaceAll(".*\\((\\d+)\\)$", "$1");
            long defaultWorkers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("HttpClient-" + id + "-Worker-")).count();
            assertEquals(0, defaultWorkers, "threads of the JDK's default executor");
            assertEquals(true, client.executor().isPresent(), "the client was built with its own executor");
        } finally {
            HttpClients.release(client);
            server.close();
        }
    }
}
