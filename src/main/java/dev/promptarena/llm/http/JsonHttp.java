package dev.promptarena.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.util.DaemonThreads;
import dev.promptarena.util.Futures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs a JSON body and returns the parsed JSON reply, or fails with a classified
 * {@link ProviderException}. Shared by the wire clients so both classify the same way:
 * 429 is RATE_LIMITED (with the server's requested wait), 408 / 5xx / timeouts / resets /
 * unparseable bodies are TRANSIENT, every other status is FATAL with the status and the
 * provider's own error text. It never retries. The API key is scrubbed from every message.
 */
public final class JsonHttp {
    /** A parsed 2xx reply and how long it took. */
    public record Reply(JsonNode body, long latencyMillis) {}

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final List<String> secrets;
    private final ObjectMapper json;
    /**
     * Each call's total deadline. Not {@code CompletableFuture.delayedExecutor}: its tasks cannot be cancelled, so every
     * finished call's task stayed queued until its deadline, about 180 bytes each: at 2,500 calls/s and a 120 s timeout,
     * 300,000 tasks and ~50 MB of the peak RSS of a 100,000-case run (issue 21). Cancelled tasks leave this queue at once;
     * the thread ends when idle, so clients that are no longer used keep none.
     */
    private final ScheduledThreadPoolExecutor deadlines = deadlines();

    /**
     * @param secrets the API key and any configured header values (which may carry tokens),
     *                removed from every error text we produce; nulls and short values are ignored
     */
    public JsonHttp(HttpClient http, Duration timeout, Clock clock, Collection<String> secrets, ObjectMapper json) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
        // Values under 8 characters (e.g. "true", a version) would redact ordinary words.
        this.secrets = secrets.stream().filter(v -> v != null && v.length() >= 8).distinct().toList();
        this.json = json;
    }

    /** For a provider: the API key and every configured header value are secrets. */
    public static JsonHttp forProvider(HttpClient http, Duration timeout, Clock clock, Map<String, String> configuredHeaders,
                                       String apiKey, ObjectMapper json) {
        List<String> secrets = new java.util.ArrayList<>(configuredHeaders.values());
        secrets.add(apiKey);
        return new JsonHttp(http, timeout, clock, secrets, json);
    }

    /**
     * A client for {@code baseUrl}. HTTP/1.1 always: one connection per in-flight call is what
     * the official SDKs do, and the JDK 17 HTTP/2 client does not open a second connection when a
     * server's SETTINGS_MAX_CONCURRENT_STREAMS is reached, which at high concurrency turns into
     * failed requests.
     */
    public static HttpClient clientFor(String baseUrl, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .executor(exchangeThreads())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The client's own threads: a fixed few instead of the JDK's default cached pool. Why: at high concurrency the
     * default pool hands each response to an idle thread or starts a new one (44 threads in a 3,000-call run at 256
     * in flight), and the selector thread pays for the hand-offs and thread starts; a fixed pool took 0.61-0.64 ms of
     * CPU per call in the calls phase against 0.79-0.84 (bench/README.md, fifth session). The JDK runs only
     * non-blocking steps here (callers' continuations run on the common pool), so a fixed pool cannot starve.
     * Idle threads end, so a client no longer used keeps none.
     */
    private static ThreadPoolExecutor exchangeThreads() {
        int n = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("http-exchange"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Releases the JDK client's connections and its selector thread (see {@link HttpClients#release}). */
    public void close() { HttpClients.release(http); }

    /** Turns a provider's parsed 2xx reply into a response, or fails with a classified {@link ProviderException}. */
    @FunctionalInterface
    public interface Decoder {
        LlmResponse decode(JsonNode body, long latencyMillis) throws ProviderException;
    }

    /** POSTs {@code body} and decodes the reply: the whole exchange of a wire client. */
    public CompletableFuture<LlmResponse> exchange(URI uri, Map<String, String> headers, JsonNode body, Decoder decoder) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ProviderException(ProviderException.Kind.FATAL, "cannot encode request: " + e.getMessage()));
        }
        return post(uri, headers, bytes).thenApply(reply -> {
            try {
                return decoder.decode(reply.body(), reply.latencyMillis());
            } catch (ProviderException e) {
                throw new CompletionException(e);
            }
        });
    }

    public CompletableFuture<Reply> post(URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            request = b.build();
        } catch (IllegalArgumentException e) {
            // A header the JDK refuses (a key pasted with its line break, a configured value with one): its message
            // quotes the whole value, a secret, and escaped unredacted as "client error: java.lang.IllegalArgumentException".
            return CompletableFuture.failedFuture(new ProviderException(ProviderException.Kind.FATAL, 0,
                    redact("invalid request header: " + e.getMessage()), null));
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        // The request timeout only covers the wait for the headers: a server that sends them and
        // then stalls or trickles the body would hold the call forever. One total deadline over
        // headers + body; cancelling the JDK future aborts the exchange and closes the connection.
        // The pending deadline task holds only this reference, dropped on completion, so finished
        // replies are not kept in memory until their deadline.
        AtomicReference<CompletableFuture<?>> pending = new AtomicReference<>(call);
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            CompletableFuture<?> open = pending.getAndSet(null);
            if (open != null && !open.isDone()) {
                deadlinePassed.set(true);
                open.cancel(true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        call.whenComplete((r, e) -> {
            pending.set(null);
            deadline.cancel(false);
        });
        return call.handle((response, error) -> {
            if (error != null) throw new CompletionException(deadlinePassed.get() ? timeoutFailure() : transportFailure(error));
            return toReply(response, (System.nanoTime() - start) / 1_000_000);
        });
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("http-deadlines"));
        s.setRemoveOnCancelPolicy(true);
        s.setKeepAliveTime(10, TimeUnit.SECONDS);
        s.allowCoreThreadTimeOut(true);
        return s;
    }

    /** A timeout is TRANSIENT, so the one retry layer retries it like any other. */
    private ProviderException timeoutFailure() {
        return new ProviderException(ProviderException.Kind.TRANSIENT, 0, "timeout after " + timeout.toMillis() + " ms (headers and body)", null);
    }

    private Reply toReply(HttpResponse<byte[]> response, long latencyMillis) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                JsonNode node = json.readTree(response.body());
                if (node == null || !node.isObject()) throw new IOException("not a JSON object");
                return new Reply(node, latencyMillis);
            } catch (IOException e) {
                // A cut-off or garbled 200 is a server/proxy hiccup; the same request may well succeed. The snippet is
                // redacted: a proxy's error page served as a 200 may echo the request's headers.
                throw new CompletionException(new ProviderException(ProviderException.Kind.TRANSIENT, status,
                        "malformed JSON body from provider (HTTP " + status + "): " + snippet(response.body()), null));
            }
        }
        String message = "HTTP " + status + ": " + errorText(response.body());
        Duration wait = RetryAfter.from(response.headers(), clock).orElse(null);
        ProviderException.Kind kind;
        if (status == 429) {
            // OpenAI answers 429 for an empty account too; waiting will not refill it.
            kind = message.contains("insufficient_quota") ? ProviderException.Kind.FATAL : ProviderException.Kind.RATE_LIMITED;
        } else if (status == 408 || status >= 500) {
            kind = ProviderException.Kind.TRANSIENT;
        } else {
            kind = ProviderException.Kind.FATAL;
        }
        return failWith(new ProviderException(kind, status, redact(message), wait));
    }

    private static Reply failWith(ProviderException e) { throw new CompletionException(e); }

    private ProviderException transportFailure(Throwable error) {
        Throwable t = Futures.cause(error);
        String what = t instanceof HttpTimeoutException ? "timeout after " + timeout.toMillis() + " ms"
                : "connection failed: " + ConnectionReason.of(t);
        if (t instanceof IOException) return new ProviderException(ProviderException.Kind.TRANSIENT, 0, redact(what), null);
        return new ProviderException(ProviderException.Kind.FATAL, 0, redact("request failed: " + ConnectionReason.of(t)), null);
    }

    /** The provider's message: OpenAI and Anthropic both use {@code {"error": {"message": ...}}}. */
    private String errorText(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode error = node == null ? null : node.get("error");
            if (error != null && error.isObject()) {
                String msg = error.path("message").asText("");
                String code = error.path("code").asText(error.path("type").asText(""));
                if (!msg.isEmpty()) return code.isEmpty() || "null".equals(code) ? msg : msg + " [" + code + "]";
            }
            if (error != null && error.isTextual()) return error.asText();
        } catch (IOException | RuntimeException notJson) {
            // fall through to the raw text
        }
        return snippet(body);
    }

    /** Redacted before the cut: cut first, a key across the 300th character kept its first characters. */
    private String snippet(byte[] body) {
        String s = redact(new String(body, java.nio.charset.StandardCharsets.UTF_8).strip());
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Removes the key from text that may end up in logs, journals or reports. */
    public String redact(String text) {
        if (text == null) return null;
        String out = text;
        for (String s : secrets) out = out.replace(s, "[REDACTED]");
        return out;
    }
}
