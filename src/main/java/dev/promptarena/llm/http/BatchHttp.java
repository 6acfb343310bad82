package dev.promptarena.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The few blocking HTTP exchanges of a batch endpoint (upload, create, poll, download). Failures are
 * classified as {@link JsonHttp} classifies a chat call (429 rate-limited, 408/5xx/transport transient,
 * other statuses fatal) and every message has the key and configured header values removed. No retries:
 * a poll is repeated by the poll loop anyway, and a create whose answer was lost must not be sent twice.
 */
public final class BatchHttp {
    private final HttpClient http;
    private final Duration timeout;
    private final JsonHttp redactor;
    private final ObjectMapper json;

    /**
     * The batch HTTP of a provider at {@code base}: its own client (10 s to connect) and the provider's
     * {@link JsonHttp} to redact its secrets from error texts. Shared by the OpenAI and Anthropic batch clients.
     */
    public static BatchHttp forProvider(String base, Duration timeout, java.time.Clock clock, Map<String, String> configuredHeaders,
                                        String apiKey, ObjectMapper json) {
        HttpClient client = JsonHttp.clientFor(base, Duration.ofSeconds(10));
        return new BatchHttp(client, timeout, JsonHttp.forProvider(client, timeout, clock, configuredHeaders, apiKey, json), json);
    }

    /** @param redactor the provider's {@link JsonHttp}, whose secrets this removes from error texts */
    public BatchHttp(HttpClient http, Duration timeout, JsonHttp redactor, ObjectMapper json) {
        this.http = http;
        this.timeout = timeout;
        this.redactor = redactor;
        this.json = json;
    }

    public JsonNode postJson(URI uri, Map<String, String> headers, JsonNode body) {
        try {
            return parse(send(request(uri, headers).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))));
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.FATAL, "cannot encode request: " + e.getMessage());
        }
    }

    /** A {@code multipart/form-data} POST of plain fields and one file (OpenAI's file upload), streamed from {@code content}. */
    public JsonNode postFile(URI uri, Map<String, String> headers, Map<String, String> fields, String fileField, String fileName,
                             Path content) {
        String boundary = "prompt-arena-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/jsonl\r\n\r\n");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)), ofFile(content),
                HttpRequest.BodyPublishers.ofByteArray(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return parse(send(request(uri, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body)));
    }

    /**
     * A JSON POST whose body is {@code prefix}, the JSON values of {@code lines} (one a line) joined by commas, then
     * {@code suffix}: a JSON array streamed from disk (Anthropic's batch create).
     */
    public JsonNode postJsonLines(URI uri, Map<String, String> headers, String prefix, Path lines, String suffix) {
        byte[] pre = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] post = suffix.getBytes(StandardCharsets.UTF_8);
        long size;
        try {
            size = Files.size(lines);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.FATAL, "cannot read the batch file: " + e.getMessage());
        }
        HttpRequest.BodyPublisher items = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> JsonLinesAsArray.open(lines, size)), size);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(pre), items,
                HttpRequest.BodyPublishers.ofByteArray(post));
        return parse(send(request(uri, headers).header("Content-Type", "application/json").POST(body)));
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new ProviderException(ProviderException.Kind.FATAL, "cannot read the batch file: " + e.getMessage());
        }
    }

    public JsonNode getJson(URI uri, Map<String, String> headers) { return parse(send(request(uri, headers).GET())); }

    /**
     * Streams the JSON objects of a JSONL body (a results file) to {@code each}, one line at a time as it arrives (a
     * 20,000-answer file is never held whole), until {@code each} returns false; blank lines are skipped.
     */
    public void eachLine(URI uri, Map<String, String> headers, java.util.function.Predicate<JsonNode> each) {
        HttpResponse<java.io.InputStream> r = exchange(request(uri, headers).GET(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            if (r.statusCode() < 200 || r.statusCode() >= 300) failure(r.statusCode(), in.lines().limit(20).reduce("", String::concat));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    throw new ProviderException(ProviderException.Kind.TRANSIENT, 200, "malformed line in a batch results file", null);
                }
                if (!each.test(node)) return;
            }
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, redact("connection failed: " + e.getMessage()), null);
        }
    }

    /** The secrets removed from {@code text}. */
    public String redact(String text) { return redactor.redact(text); }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        try {
            headers.forEach(b::header);
        } catch (IllegalArgumentException e) {
            // As JsonHttp: the JDK's message quotes the refused value (a key with a line break), a secret.
            throw new ProviderException(ProviderException.Kind.FATAL, 0, redact("invalid request header: " + e.getMessage()), null);
        }
        return b;
    }

    private byte[] send(HttpRequest.Builder b) {
        HttpResponse<byte[]> r = exchange(b, HttpResponse.BodyHandlers.ofByteArray());
        int status = r.statusCode();
        if (status >= 200 && status < 300) return r.body();
        throw failure(status, new String(r.body(), StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(b.build(), handler);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, redact("connection failed: " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted");
        }
    }

    /** The classified failure of an answer with {@code status} and body {@code text} (thrown: callers write {@code throw}). */
    private ProviderException failure(int status, String text) {
        String t = redact(text.strip()); // before the cut, which would otherwise keep the start of a key across it
        if (t.length() > 300) t = t.substring(0, 300) + "...";
        throw classify(status, "HTTP " + status + ": " + t);
    }

    /** A failure with {@code status} classified as a synchronous call's would be (also for one item of a batch). */
    public static ProviderException classify(int status, String message) {
        ProviderException.Kind kind = status == 429 ? ProviderException.Kind.RATE_LIMITED
                : status == 408 || status >= 500 || status == 0 ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.FATAL;
        return new ProviderException(kind, status, message, null);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) throw new IOException("not a JSON object");
            return node;
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 200, "malformed JSON body from the batch endpoint", null);
        }
    }

    /** Releases the JDK client's connections and its selector thread. */
    public void close() { HttpClients.release(http); }
}
