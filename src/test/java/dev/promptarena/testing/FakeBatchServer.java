package dev.promptarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.promptarena.testing.FakeBatchPoll.Batch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An in-process fake of both batch APIs (OpenAI: {@code /v1/files}, {@code /v1/batches}, file contents;
 * Anthropic: {@code /v1/messages/batches}, its results) and of both synchronous chat endpoints (for
 * synchronous retries and warm re-runs), over real HTTP on 127.0.0.1. Each request's answer comes from
 * {@link #replies} applied to the request body exactly as a synchronous call would send it, so a batch run
 * and a synchronous run against the same replies get the same answers. Batches answer after
 * {@link #pollsBeforeDone} polls; {@link #failItems} and {@link #expireBatches} script partial failure and expiry.
 */
public final class FakeBatchServer implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackHttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final List<FakeOpenAiServer.Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<String> uploads = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger syncCalls = new AtomicInteger();
    private final AtomicInteger expireLeft = new AtomicInteger();
    private final AtomicInteger dropCreateReplies = new AtomicInteger();
    private final AtomicInteger failLists = new AtomicInteger();
    private final AtomicInteger loseCreates = new AtomicInteger();
    private final java.util.Queue<FakeOpenAiServer.Reply> syncScript = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile Function<FakeOpenAiServer.Recorded, FakeOpenAiServer.Reply> replies = DeterministicReplies::reply;
    private volatile Predicate<JsonNode> failInBatch = b -> false;
    private volatile int syncStatus = 200;
    private volatile int pollsBeforeDone;

    public FakeBatchServer() {
        server = LoopbackHttpServer.start(128, Executors.newCachedThreadPool(), this::handle);
    }

    public String baseUrl() { return rootUrl() + "/v1"; }

    public String rootUrl() { return server.rootUrl(); }

    /** Polls answered "in progress" before a batch ends (0: it has ended at the first poll). */
    public FakeBatchServer pollsBeforeDone(int n) { pollsBeforeDone = n; return this; }

    /** Items whose request body matches fail inside a batch with HTTP 500 (synchronous calls still succeed). */
    public FakeBatchServer failItems(Predicate<JsonNode> which) { failInBatch = which; return this; }

    /** The next {@code n} batches created expire without answering. */
    public FakeBatchServer expireBatches(int n) { expireLeft.set(n); return this; }

    /** The next {@code n} creates make their batch, then close the connection without a reply (a lost reply). */
    public FakeBatchServer dropCreateReplies(int n) { dropCreateReplies.set(n); return this; }

    /** The next {@code n} creates close the connection before making anything (a create that never arrived). */
    public FakeBatchServer loseCreates(int n) { loseCreates.set(n); return this; }

    /** The next {@code n} batch list requests answer HTTP 503. */
    public FakeBatchServer failLists(int n) { failLists.set(n); return this; }

    /**
     * Another client's Anthropic batch of {@code requests} requests (its own custom ids), created now; it ends after it
     * has been listed {@code listingsBeforeEnd} times (a listing observes a batch as a poll does). Returns its id.
     */
    public String foreignAnthropicBatch(int requests, int listingsBeforeEnd) {
        String id = "msgbatch_" + ids.incrementAndGet();
        batches.put(id, new Batch(id, true, FakeBatchListing.foreignItems(json, requests), false, new AtomicInteger(-listingsBeforeEnd), null,
                System.currentTimeMillis() / 1000));
        return id;
    }

    /** Synchronous calls answer with this status (200: the reply; else an error body). */
    public FakeBatchServer syncStatus(int status) { syncStatus = status; return this; }

    /** The next synchronous calls get these replies (their status and body), in order; later ones the usual answer. */
    public FakeBatchServer enqueueSync(FakeOpenAiServer.Reply... scripted) {
        syncScript.addAll(List.of(scripted));
        return this;
    }

    public FakeBatchServer replies(Function<FakeOpenAiServer.Recorded, FakeOpenAiServer.Reply> r) { replies = r; return this; }

    /** Batches created (each one a submission that is paid for). */
    public int creates() { return creates.get(); }

    public int polls() { return polls.get(); }

    public int syncCalls() { return syncCalls.get(); }

    /** Items submitted in batches, over all batches. */
    public int itemsSubmitted() { return batches.values().stream().mapToInt(b -> b.items().size()).sum(); }

    /** The model of every item submitted in a batch (one entry per item the provider bills). */
    public List<String> itemModels() { return batches.values().stream().flatMap(b -> b.items().stream().map(i -> FakeBatchPoll.body(i, b.anthropic()).path("model").asText())).toList(); }

    /** Every request received (headers included), and the uploaded JSONL files as text. */
    public List<FakeOpenAiServer.Recorded> requests() { return List.copyOf(requests); }

    public List<String> uploads() { return List.copyOf(uploads); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String body = new String(raw, StandardCharsets.UTF_8);
            JsonNode parsed = null;
            try {
                parsed = json.readTree(body);
            } catch (IOException notJson) {
                // multipart upload
            }
            requests.add(new FakeOpenAiServer.Recorded(ex.getRequestMethod(), path, ex.getRequestURI().getQuery(),
                    Map.copyOf(ex.getRequestHeaders()), body, parsed));
            String[] part = path.split("/");
            String reply;
            int status = 200;
            boolean listing = ex.getRequestMethod().equals("GET") && (path.equals("/v1/batches") || path.equals("/v1/messages/batches"));
            if (path.equals("/v1/files")) reply = upload(body);
            else if (listing && failLists.getAndDecrement() > 0) {
                reply = "{\"error\":{\"message\":\"unavailable\"}}";
                status = 503;
            } else if (listing) reply = FakeBatchListing.page(json, batches.values().stream().map(b -> FakeBatchListing.summary(json, b.id(),
                    b.anthropic(), b.items().size(), b.metadata(), b.createdAt(), b.polls().getAndIncrement() >= pollsBeforeDone
                            ? rootUrl() + "/v1/messages/batches/" + b.id() + "/results" : null)).toList(), path.startsWith("/v1/messages"));
            else if (path.equals("/v1/batches") || path.equals("/v1/messages/batches")) {
                boolean anthropic = path.startsWith("/v1/messages");
                if (loseCreates.getAndDecrement() > 0) return;
                reply = anthropic ? create(true, FakeBatchListing.list(parsed.path("requests")), null)
                        : create(false, FakeBatchListing.readLines(json, files.get(parsed.path("input_file_id").asText())), parsed.path("metadata"));
                if (dropCreateReplies.getAndDecrement() > 0) return; // the batch exists; the connection closes without a reply
            }
            else if (path.startsWith("/v1/files/") && path.endsWith("/content")) reply = new String(files.getOrDefault(part[3], new byte[0]), StandardCharsets.UTF_8);
            else if (path.startsWith("/v1/messages/batches/") && path.endsWith("/results")) {
                Batch b = batches.get(part[4]);
                reply = FakeBatchListing.anthropicResults(json, b.items(), b.expire(), failInBatch, params -> answer(params, true));
            }
            else if (path.startsWith("/v1/messages/batches/")) reply = poll(batches.get(part[4]));
            else if (path.startsWith("/v1/batches/")) reply = poll(batches.get(part[3]));
            else {
                syncCalls.incrementAndGet();
                FakeOpenAiServer.Reply scripted = syncScript.poll();
                status = scripted != null ? scripted.status() : syncStatus;
                boolean anthropic = path.endsWith("/v1/messages");
                reply = scripted != null ? scripted.body()
                        : status == 200 ? answer(parsed, anthropic).toString() : "{\"error\":{\"message\":\"sync failure\",\"type\":\"invalid_request_error\"}}";
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (RuntimeException e) {
            byte[] bytes = ("{\"error\":{\"message\":\"" + e + "\"}}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private String upload(String multipart) {
        String content = FakeBatchListing.fileOf(multipart);
        uploads.add(content);
        String id = "file-" + ids.incrementAndGet();
        files.put(id, content.getBytes(StandardCharsets.UTF_8));
        return "{\"id\":\"" + id + "\",\"object\":\"file\",\"purpose\":\"batch\"}";
    }

    private String create(boolean anthropic, List<JsonNode> items, JsonNode metadata) {
        creates.incrementAndGet();
        String id = (anthropic ? "msgbatch_" : "batch_") + ids.incrementAndGet();
        batches.put(id, new Batch(id, anthropic, items, expireLeft.getAndDecrement() > 0, new AtomicInteger(), metadata,
                System.currentTimeMillis() / 1000));
        return anthropic ? "{\"id\":\"" + id + "\",\"processing_status\":\"in_progress\"}" : "{\"id\":\"" + id + "\",\"status\":\"validating\"}";
    }

    private String poll(Batch b) {
        polls.incrementAndGet();
        boolean done = b.polls().getAndIncrement() >= pollsBeforeDone;
        return FakeBatchPoll.answer(json, b, done, failInBatch, request -> answer(request, false), this::store,
                rootUrl() + "/v1/messages/batches/" + b.id() + "/results");
    }

    private String store(StringBuilder content) {
        if (content.length() == 0) return null;
        String id = "file-" + ids.incrementAndGet();
        files.put(id, content.toString().getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** The success body a synchronous call with {@code request} gets from {@link FakeOpenAiServer}, with {@link #replies}. */
    private ObjectNode answer(JsonNode request, boolean anthropic) {
        String text = request.toString(); // the bytes a synchronous client sends: the replies may hash them
        FakeOpenAiServer.Recorded rec = new FakeOpenAiServer.Recorded("POST", anthropic ? "/v1/messages" : "/v1/chat/completions", null,
                Map.of(), text, request);
        try {
            return (ObjectNode) json.readTree(FakeOpenAiServer.success(json, rec, replies.apply(rec).headers().get("x-content")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
