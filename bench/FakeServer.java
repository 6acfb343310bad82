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
        int warmup = 2_000;
        String[] axes = {};
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
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--axes" -> axes = v.isEmpty() ? new String[0] : v.split(",");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        AtomicLong total = new AtomicLong(), ok = new AtomicLong(), errors = new AtomicLong(), limited = new AtomicLong();
        AtomicLong lastRequest = new AtomicLong(System.nanoTime());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        // Sleeping handler threads cost no CPU; a cached pool serves any concurrency the client opens.
        server.setExecutor(Executors.newCachedThreadPool());
        final long max = maxRequests;
        final String[] axisNames = axes;
        // Warm-up requests are answered at once and without faults; the configured behaviour starts after.
        var behaviour = new java.util.concurrent.atomic.AtomicReference<>(new Behaviour(0, 0, 0, 0));
        server.createContext("/", ex -> {
            long n = total.incrementAndGet();
            lastRequest.set(System.nanoTime());
            byte[] in = ex.getRequestBody().readAllBytes();
            Behaviour b = behaviour.get();
            try {
                long d = b.latency() + (b.jitter() > 0 ? ThreadLocalRandom.current().nextLong(-b.jitter(), b.jitter() + 1) : 0);
                if (d > 0) Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double x = ThreadLocalRandom.current().nextDouble();
            if (n > max) reply(ex, 503, "{\"error\":{\"message\":\"request bound reached\"}}", null);
            else if (x < b.errorRate()) { errors.incrementAndGet(); reply(ex, 500, "{\"error\":{\"message\":\"injected\"}}", null); }
            else if (x < b.errorRate() + b.rate429()) { limited.incrementAndGet(); reply(ex, 429, "{\"error\":{\"message\":\"slow down\"}}", "1"); }
            else { ok.incrementAndGet(); reply(ex, 200, success(new String(in, StandardCharsets.UTF_8), n, axisNames), null); }
        });
        server.start();
        warmUp(server.getAddress().getPort(), warmup, total, ok);
        behaviour.set(new Behaviour(latency, jitter, errorRate, rate429));
        // The server shares the client's cores: its CPU after the warm-up is what the run leaves the CLI less of.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = os.getProcessCpuTime();
        lastRequest.set(System.nanoTime()); // the idle clock starts when the port is published, not at the warm-up's end
        Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
        final long idleNanos = idleExit * 1_000_000_000L;
        while (System.nanoTime() - lastRequest.get() < idleNanos && total.get() < max + 100) Thread.sleep(200);
        server.stop(0);
        double cpuMs = (os.getProcessCpuTime() - cpuAtStart) / 1e6;
        System.out.printf("fake-server: requests=%d ok=%d 500=%d 429=%d%n", total.get(), ok.get(), errors.get(), limited.get());
        System.out.printf("fake-server: cpu_s=%.2f cpu_ms_per_request=%.3f (after the warm-up, idle wait included)%n",
                cpuMs / 1000, total.get() > 0 ? cpuMs / total.get() : 0);
        System.exit(0);
    }

    private record Behaviour(long latency, long jitter, double errorRate, double rate429) {}

    /**
     * A real provider is warm: before publishing its port the server answers {@code n} requests of its own
     * (no latency, not counted) over 64 connections, so its JIT and thread pool are not what the run measures.
     */
    private static void warmUp(int port, int n, AtomicLong total, AtomicLong ok) throws Exception {
        if (n <= 0) return;
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\":\"warmup\",\"messages\":[]}")).build();
        var pool = Executors.newFixedThreadPool(64);
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < n; i++) done.add(pool.submit(() -> client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())));
        for (var f : done) f.get();
        pool.shutdown();
        total.set(0);
        ok.set(0);
        Thread.sleep(1000); // let the JIT finish compiling: the client shares these cores, a real provider does not
    }

    private static String success(String body, long n, String[] axes) {
        // Judge prompts get a verdict with a 1-5 score per axis for both sides; everything else a short answer.
        boolean judge = body.contains("\"winner\"") || body.contains("judge");
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        for (int i = 0; i < axes.length; i++) {
            String sep = i == 0 ? "" : ", ";
            a.append(sep).append("\\\"").append(axes[i]).append("\\\": ").append(1 + (n * 7 + i) % 5);
            b.append(sep).append("\\\"").append(axes[i]).append("\\\": ").append(1 + (n * 11 + 2 * i + 2) % 5);
        }
        String content = judge
                ? "{\\\"winner\\\": \\\"" + (n % 3 == 0 ? "tie" : n % 2 == 0 ? "A" : "B") + "\\\", \\\"scores\\\": {\\\"A\\\": {" + a
                        + "}, \\\"B\\\": {" + b + "}}, \\\"reason\\\": \\\"bench\\\"}"
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
