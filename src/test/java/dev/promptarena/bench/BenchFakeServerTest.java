package dev.promptarena.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/FakeServer.java answers as a model at temperature 0 does: by the request's content, not its arrival order, so
 * bench/run-bench.sh decides the same on every run of the same command (its verdicts once went by the request counter,
 * and the exit code was 0 or 3 from run to run). Runs the fake as the bench scripts do (source launcher, loopback port).
 */
class BenchFakeServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    private static Process server;
    private static URI endpoint;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheFake() throws Exception {
        Path portFile = dir.resolve("port");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(javaBin, "bench/FakeServer.java", "--warmup", "0", "--latency-ms", "0", "--axes", "Clarity,Accuracy",
                "--idle-exit-s", "120", "--port-file", portFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        // The fake writes its port once it listens; compiling the source file takes seconds on a loaded machine.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(Files.isRegularFile(portFile) && Files.size(portFile) > 0)) {
            assertTrue(server.isAlive(), () -> "the fake exited: " + log());
            assertTrue(System.nanoTime() < deadline, () -> "the fake did not start: " + log());
            server.waitFor(50, TimeUnit.MILLISECONDS);
        }
        endpoint = URI.create("http://127.0.0.1:" + Files.readString(portFile).trim() + "/v1/chat/completions");
    }

    @AfterAll
    static void stopTheFake() {
        if (server != null) server.destroy();
    }

    @Test
    void theSameRequestGetsTheSameAnswerWhateverArrivedBefore() throws Exception {
        String judge = judgePrompt(7);
        String generation = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Sam #40007: Case 7\"}],\"seed\":1}";

        // Back to back, the second arrives one request later: by the counter, every verdict differed from its predecessor.
        assertEquals(content(judge), content(judge));
        assertEquals(content(generation), content(generation));
        String first = content(judge);
        for (int i = 0; i < 5; i++) content(judgePrompt(100 + i));
        assertEquals(first, content(judge), "after other requests");
    }

    @Test
    void aboutAThirdOfTheVerdictsAreEachTieAAndB() throws Exception {
        Map<String, Integer> verdicts = new TreeMap<>();
        for (int c = 0; c < 300; c++) verdicts.merge(JSON.readTree(content(judgePrompt(c))).get("winner").asText(), 1, Integer::sum);

        assertEquals(Set.of("A", "B", "tie"), verdicts.keySet(), verdicts.toString());
        // 100 each expected; a binomial(300, 1/3) count lies in 80-120 with probability 0.988 (scipy.stats.binom.cdf(120, 300, 1/3)
        // - binom.cdf(79, 300, 1/3)): an even hash of the content passes; the hash is fixed, so the test is too.
        verdicts.values().forEach(n -> assertTrue(n >= 80 && n <= 120, verdicts.toString()));
    }

    /** A judge call's shape as the CLI sends it: the case and both answers in the prompt, the verdict schema. */
    private static String judgePrompt(int c) {
        return "{\"model\":\"bench-judge\",\"messages\":[{\"role\":\"user\",\"content\":\"Question: Sam #" + (40000 + c) + ": Case " + c
                + ": my order has not arrived, what now? Response 1: A helpful answer. Response 2: Another answer.\"}],"
                + "\"max_tokens\":1024,\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"properties\":{\"winner\":{}}}}}";
    }

    /** The reply's message (its id numbers the request, so it differs by design). */
    private static String content(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode reply = JSON.readTree(r.body());
        return reply.at("/choices/0/message/content").asText();
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
