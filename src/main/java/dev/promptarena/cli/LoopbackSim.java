package dev.promptarena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.sim.SimClient;
import dev.promptarena.util.DaemonThreads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Internal, for the build's class-data-sharing training run only ({@link CdsTraining}): the simulated provider
 * served over HTTP/1.1 on 127.0.0.1, answering OpenAI's {@code POST .../chat/completions} and Anthropic's
 * {@code POST .../v1/messages} with the sim's replies (verdicts for judge prompts), so the training run makes real
 * calls through the real clients. Why so small a server (keep-alive, Content-Length bodies, nothing else): it
 * needs only what the JDK client sends, and {@code java.base} alone, so the tool's module set does not grow.
 */
final class LoopbackSim implements AutoCloseable {
    private final ServerSocket socket;
    private final SimClient sim = new SimClient(new ProviderConfig("loopback", "sim", null, null, 1, null, null, Map.of(), Map.of()));
    private final ObjectMapper json = new ObjectMapper();

    LoopbackSim() throws IOException {
        socket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        DaemonThreads.start("loopback-sim", this::accept);
    }

    /** The base URL of the OpenAI-compatible endpoint; Anthropic's is {@link #anthropicBaseUrl()}. */
    String openAiBaseUrl() { return "http://127.0.0.1:" + socket.getLocalPort() + "/v1"; }

    String anthropicBaseUrl() { return "http://127.0.0.1:" + socket.getLocalPort(); }

    @Override
    public void close() throws IOException { socket.close(); }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                DaemonThreads.start("loopback-sim-connection", () -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One connection: requests in turn until the client closes it. */
    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream());
             OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
            for (String requestLine = line(in); requestLine != null && !requestLine.isEmpty(); requestLine = line(in)) {
                int length = 0;
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
                }
                byte[] body = in.readNBytes(length);
                String path = requestLine.split(" ")[1];
                byte[] reply = json.writeValueAsBytes(answer(path.endsWith("/messages"), json.readTree(body)));
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(reply);
                out.flush();
            }
        } catch (IOException | RuntimeException ended) {
            // the client closed the connection, or sent what this server does not speak: the connection ends
        }
    }

    private ObjectNode answer(boolean anthropic, JsonNode request) {
        String model = request.path("model").asText("loopback");
        String system = anthropic && request.hasNonNull("system") ? request.get("system").asText() : null;
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : request.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("system")) system = m.path("content").asText();
            else messages.add(new ChatMessage(role, m.path("content").asText()));
        }
        LlmResponse r = sim.send(new LlmRequest(model, system, messages, Decoding.UNSET, null, 0)).join();
        ObjectNode reply = json.createObjectNode().put("id", "loopback").put("model", model);
        if (anthropic) {
            reply.put("type", "message").put("role", "assistant").put("stop_reason", "end_turn");
            reply.putArray("content").addObject().put("type", "text").put("text", r.text());
            reply.putObject("usage").put("input_tokens", r.usage().inputTokens()).put("output_tokens", r.usage().outputTokens());
        } else {
            reply.put("object", "chat.completion");
            ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", r.text());
            reply.putObject("usage").put("prompt_tokens", r.usage().inputTokens()).put("completion_tokens", r.usage().outputTokens());
        }
        return reply;
    }

    /** One CRLF-terminated header line in ASCII, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
