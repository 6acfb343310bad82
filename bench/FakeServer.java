import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark fake of an OpenAI-compatible server. Single file, run as
 * {@code java bench/FakeServer.java --latency-ms 200 ...}. Loopback only. Stops itself after
 * {@code --max-requests} requests or {@code --idle-exit-s} seconds without one.
 * Writes its port to {@code --port-file}; prints request counts by reply kind on exit.
 */
public class FakeServer {
    public static void main(String[] args) throws Exception {
        long latency = 200, jitter = 0, maxRequests = 1_000_000, idleExit = 30;
        double errorRate = 0, rate429 = 0;
        Path portFile = Path.of("fake-server.port");
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--latency-ms" -> latency = Long.parseLong(v);
                case "--jitter-ms" -> jitter = Long.parseLong(v);
                case "--error-rate" -> errorRate = Double.parseDouble(v);
                case "--rate-429" -> rate429 = Double.parseDouble(v);
                case "--max-requests" -> maxRequests = Long.parseLong(v);
                case "--idle-exit-s" -> idleExit = Long.parseLong(v);
                case "--port-file" -> portFile = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        AtomicLong total = new AtomicLong(), ok = new AtomicLong(), errors = new AtomicLong(), limited = new AtomicLong();
        AtomicLong lastRequest = new AtomicLong(System.nanoTime());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        // Sleeping handler threads cost no CPU; a cached pool serves any concurrency the client opens.
        server.setExecutor(Executors.newCachedThreadPool());
        final long lat = latency, jit = jitter, max = maxRequests;
        final double err = errorRate, r429 = rate429;
        server.createContext("/", ex -> {
            long n = total.incrementAndGet();
            lastRequest.set(System.nanoTime());
            byte[] in = ex.getRequestBody().readAllBytes();
            try {
                long d = lat + (jit > 0 ? ThreadLocalRandom.current().nextLong(-jit, jit + 1) : 0);
                if (d > 0) Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double x = ThreadLocalRandom.current().nextDouble();
            if (n > max) reply(ex, 503, "{\"error\":{\"message\":\"request bound reached\"}}", null);
            else if (x < err) { errors.incrementAndGet(); reply(ex, 500, "{\"error\":{\"message\":\"injected\"}}", null); }
            else if (x < err + r429) { limited.incrementAndGet(); reply(ex, 429, "{\"error\":{\"message\":\"slow down\"}}", "1"); }
            else { ok.incrementAndGet(); reply(ex, 200, success(new String(in, StandardCharsets.UTF_8), n), null); }
        });
        server.start();
        Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
        final long idleNanos = idleExit * 1_000_000_000L;
        while (System.nanoTime() - lastRequest.get() < idleNanos && total.get() < max + 100) Thread.sleep(200);
        server.stop(0);
        System.out.printf("fake-server: requests=%d ok=%d 500=%d 429=%d%n", total.get(), ok.get(), errors.get(), limited.get());
        System.exit(0);
    }

    private static String success(String body, long n) {
        // Judge prompts get a verdict; everything else a short answer.
        boolean judge = body.contains("\"winner\"") || body.contains("judge");
        String content = judge
                ? "{\\\"winner\\\": \\\"" + (n % 3 == 0 ? "tie" : n % 2 == 0 ? "A" : "B") + "\\\", \\\"scores\\\": {\\\"A\\\": {}, \\\"B\\\": {}}, \\\"reason\\\": \\\"bench\\\"}"
                : "A helpful answer number " + n + ".";
        return "{\"id\":\"b" + n + "\",\"object\":\"chat.completion\",\"model\":\"bench-model\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":40,\"total_tokens\":160}}";
    }

    private static void reply(HttpExchange ex, int status, String body, String retryAfter) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) ex.getResponseHeaders().add("Retry-After", retryAfter);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) { os.write(out); }
    }
}
