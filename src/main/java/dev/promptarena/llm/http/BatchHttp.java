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

    /** A {@code multipart/form-data} POST of plain fields and one file (OpenAI's file upload). */
    public JsonNode postFile(URI uri, Map<String, String> headers, Map<String, String> fields, String fileField, String fileName,
                             byte[] content) {
        String boundary = "prompt-arena-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/jsonl\r\n\r\n");
        byte[] pre = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] post = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[pre.length + content.length + post.length];
        System.arraycopy(pre, 0, body, 0, pre.length);
        System.arraycopy(content, 0, body, pre.length, content.length);
        System.arraycopy(post, 0, body, pre.length + content.length, post.length);
        return parse(send(request(uri, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    public JsonNode getJson(URI uri, Map<String, String> headers) { return parse(send(request(uri, headers).GET())); }

    /** The raw body of a GET (a results file). */
    public byte[] getBytes(URI uri, Map<String, String> headers) { return send(request(uri, headers).GET()); }

    /** The secrets removed from {@code text}. */
    public String redact(String text) { return redactor.redact(text); }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        headers.forEach(b::header);
        return b;
    }

    private byte[] send(HttpRequest.Builder b) {
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, redact("connection failed: " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted");
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) return r.body();
        String text = new String(r.body(), StandardCharsets.UTF_8).strip();
        if (text.length() > 300) text = text.substring(0, 300) + "...";
        throw classify(status, redact("HTTP " + status + ": " + text));
    }

    /** A failure with {@code status} classified as a synchronous call's would be (also for one item of a batch). */
    public static ProviderException classify(int status, String message) {
        ProviderException.Kind kind = status == 429 ? ProviderException.Kind.RATE_LIMITED
                : status == 408 || status >= 500 || status == 0 ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.FATAL;
        return new ProviderException(kind, status, message, null);
    }

    /**
     * The JSON objects of a JSONL body (a results file), parsed one at a time as the caller iterates (a 20,000-answer
     * file as one list of trees cost more memory than the answers themselves); blank lines are skipped.
     */
    public Iterable<JsonNode> lines(byte[] body) {
        return () -> new java.util.Iterator<>() {
            private int start;
            private JsonNode next = advance();

            private JsonNode advance() {
                while (start < body.length) {
                    int end = start;
                    while (end < body.length && body[end] != '\n') end++;
                    int from = start;
                    start = end + 1;
                    boolean blank = true;
                    for (int i = from; i < end && blank; i++) blank = body[i] == ' ' || body[i] == '\t' || body[i] == '\r';
                    if (blank) continue;
                    try {
                        return json.readTree(body, from, end - from);
                    } catch (IOException e) {
                        throw new ProviderException(ProviderException.Kind.TRANSIENT, 200, "malformed line in a batch results file", null);
                    }
                }
                return null;
            }

            @Override public boolean hasNext() { return next != null; }

            @Override
            public JsonNode next() {
                if (next == null) throw new java.util.NoSuchElementException();
                JsonNode n = next;
                next = advance();
                return n;
            }
        };
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
