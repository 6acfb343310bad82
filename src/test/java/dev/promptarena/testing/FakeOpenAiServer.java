package dev.promptarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An in-process fake of an OpenAI-compatible server ({@code POST .../chat/completions}) that also
 * speaks Anthropic's {@code POST /v1/messages}, for tests that drive the real clients over real
 * HTTP on 127.0.0.1. Replies come from the scripted queue ({@link #enqueue}) first, then from the
 * {@link #fallback} policy (by default: a 200 echoing the last user message; {@link #chaos}
 * mixes in 500s, 429s, timeouts and malformed bodies). Every request received is recorded.
 * MockWebServer style: enqueue, exercise, assert on {@link #requests()}.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** What the server received. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body, JsonNode json) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }
        public String lastUserText() {
            JsonNode msgs = json == null ? null : json.path("messages");
            return msgs == null || msgs.size() == 0 ? "" : msgs.get(msgs.size() - 1).path("content").asText();
        }
    }

    /** One scripted reply: null body with status 200 means "the normal success body". */
    public record Reply(String kind, int status, Map<String, String> headers, String body, long delayMillis) {
        public static Reply ok() { return new Reply("ok", 200, Map.of(), null, 0); }
        public static Reply ok(String content) { return new Reply("ok", 200, Map.of("x-content", content), null, 0); }
        public static Reply error(int status, String message) {
            return new Reply("error", status, Map.of(), "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}", 0);
        }
        public static Reply rateLimited(String retryAfter) {
            return new Reply("429", 429, Map.of("Retry-After", retryAfter), "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\"}}", 0);
        }
        public static Reply serverError() { return new Reply("500", 500, Map.of(), "{\"error\":{\"message\":\"internal\"}}", 0); }
        public static Reply malformed() { return new Reply("malformed", 200, Map.of(), "{\"choices\": [ {\"mess", 0); }
        /** Never answers in time: the client's timeout fires. */
        public static Reply hang(long millis) { return new Reply("timeout", 200, Map.of(), null, millis); }
        /** Sends the headers and half the body, then stalls for {@code millis} before the rest. */
        public static Reply stallMidBody(long millis) { return new Reply("stall", 200, Map.of(), null, millis); }
        /** Sends the headers at once, then the body one byte every {@code millisPerByte}. */
        public static Reply trickle(long millisPerByte) { return new Reply("trickle", 200, Map.of(), null, millisPerByte); }
        boolean slowBody() { return kind.equals("stall") || kind.equals("trickle"); }
        public Reply withDelay(long millis) { return new Reply(kind, status, headers, body, millis); }
    }

    /** A request and the kind of reply it got (ok, 500, 429, timeout, malformed, error), in arrival order. */
    public record Served(Recorded request, String kind) {}

    private final ObjectMapper json = new ObjectMapper();
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final LoopbackHttpServer server;
    private final ArrayDeque<Reply> script = new ArrayDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final List<Handled> handled = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> fallback = r -> Reply.ok();
    private volatile long latencyMillis;

    public FakeOpenAiServer() {
        server = LoopbackHttpServer.start(512, Executors.newCachedThreadPool(), this::handle);
    }

    /** e.g. {@code http://127.0.0.1:PORT/v1} — what an openai provider's base_url should be. */
    public String baseUrl() { return server.rootUrl() + "/v1"; }

    /** The root URL, for Anthropic (whose client appends /v1/messages). */
    public String rootUrl() { return server.rootUrl(); }

    public synchronized FakeOpenAiServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public FakeOpenAiServer fallback(Function<Recorded, Reply> policy) {
        this.fallback = policy;
        return this;
    }

    /** Base latency added to every reply. */
    public FakeOpenAiServer latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    /** Seeded mix of failures; the rest succeed. Rates are fractions of all requests. */
    public FakeOpenAiServer chaos(long seed, double rate500, double rate429, String retryAfter, double rateTimeout,
                                  long hangMillis, double rateMalformed) {
        Random rnd = new Random(seed);
        return fallback(r -> {
            double x;
            synchronized (rnd) { x = rnd.nextDouble(); }
            if ((x -= rate500) < 0) return Reply.serverError();
            if ((x -= rate429) < 0) return Reply.rateLimited(retryAfter);
            if ((x -= rateTimeout) < 0) return Reply.hang(hangMillis);
            if ((x -= rateMalformed) < 0) return Reply.malformed();
            return Reply.ok();
        });
    }

    public List<Recorded> requests() { return List.copyOf(requests); }

    public List<Served> served() { return List.copyOf(served); }

    /** A request and when the server held it: from its arrival until just before its reply was written. */
    private record Handled(Recorded request, long fromNanos, long untilNanos) {}

    /**
     * The most requests matching {@code which} that the server held at the same moment. An interval ends
     * before its reply is written, so a client cannot have sent the next request in that slot yet: a
     * client that keeps at most N in flight never shows more than N here.
     */
    public int peakInFlight(Predicate<Recorded> which) {
        List<long[]> events = new ArrayList<>();
        for (Handled h : handled) {
            if (!which.test(h.request())) continue;
            events.add(new long[] {h.fromNanos(), 1});
            events.add(new long[] {h.untilNanos(), -1});
        }
        // At equal times an end comes first: touching intervals do not overlap.
        events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int now = 0, peak = 0;
        for (long[] e : events) peak = Math.max(peak, now += (int) e[1]);
        return peak;
    }

    /** How many replies of a kind were sent: ok, 500, 429, timeout, malformed, error. */
    public long count(String kind) { return byKind.getOrDefault(kind, new AtomicLong()).get(); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long arrived = System.nanoTime();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode parsed = null;
            try {
                parsed = json.readTree(body);
            } catch (IOException ignored) {
                // recorded as text only
            }
            Recorded rec = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(),
                    Map.copyOf(ex.getRequestHeaders()), body, parsed);
            requests.add(rec);
            Reply reply;
            synchronized (this) { reply = script.poll(); }
            if (reply == null) reply = fallback.apply(rec);
            byKind.computeIfAbsent(reply.kind(), k -> new AtomicLong()).incrementAndGet();
            served.add(new Served(rec, reply.kind()));
            long delay = latencyMillis + (reply.slowBody() ? 0 : reply.delayMillis());
            if (delay > 0) Thread.sleep(delay);
            handled.add(new Handled(rec, arrived, System.nanoTime()));
            String out = reply.body() != null ? reply.body() : success(json, rec, reply.headers().get("x-content"));
            reply.headers().forEach((k, v) -> { if (!k.equals("x-content")) ex.getResponseHeaders().add(k, v); });
            ex.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream os = ex.getResponseBody()) { writeBody(os, bytes, reply); }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: expected for "timeout" replies
        }
    }

    private static void writeBody(OutputStream os, byte[] bytes, Reply reply) throws IOException, InterruptedException {
        if (reply.kind().equals("stall")) {
            os.write(bytes, 0, bytes.length / 2);
            os.flush();
            Thread.sleep(reply.delayMillis());
            os.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        } else if (reply.kind().equals("trickle")) {
            for (byte b : bytes) {
                os.write(b);
                os.flush();
                Thread.sleep(reply.delayMillis());
            }
        } else {
            os.write(bytes);
        }
    }

    /** The success body the server sends for {@code rec} ({@link FakeBatchServer} answers batch items with it too). */
    static String success(ObjectMapper json, Recorded rec, String content) throws IOException {
        String text = content != null ? content : "echo: " + rec.lastUserText();
        String model = rec.json() == null ? "unknown" : rec.json().path("model").asText("unknown");
        ObjectNode root = json.createObjectNode();
        if (rec.path().endsWith("/v1/messages")) {
            // Every field of the SDK's Message type, nulls included, as the API sends them (AnthropicWireConformanceTest).
            root.put("id", "msg_test").put("type", "message").put("role", "assistant").put("model", model);
            boolean tool = rec.json() != null && rec.json().has("tool_choice");
            ObjectNode block = root.putArray("content").addObject();
            if (tool) {
                block.put("type", "tool_use").put("id", "tu_1").put("name", "respond").set("input", json.readTree(content != null ? content : "{\"ok\":true}"));
                block.putObject("caller").put("type", "direct");
            } else {
                block.put("type", "text").put("text", text).putNull("citations");
            }
            root.put("stop_reason", tool ? "tool_use" : "end_turn").putNull("stop_sequence").putNull("stop_details");
            root.putNull("container").putNull("diagnostics");
            ObjectNode usage = root.putObject("usage").put("input_tokens", 11).put("output_tokens", 7);
            for (String absent : List.of("cache_creation", "cache_creation_input_tokens", "cache_read_input_tokens", "inference_geo",
                    "output_tokens_details", "server_tool_use", "service_tier", "speed")) usage.putNull(absent);
        } else {
            root.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", model).put("system_fingerprint", "fp_test");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).putObject("message").put("role", "assistant").put("content", text);
            choice.put("finish_reason", "stop");
            root.putObject("usage").put("prompt_tokens", 11).put("completion_tokens", 7).put("total_tokens", 18);
        }
        return json.writeValueAsString(root);
    }

    @Override
    public void close() {
        server.close();
    }
}
