import com.sun.net.httpserver.*;
import java.io.*;
import java.lang.management.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.stream.Stream;

/**
 * Benchmark fake of an OpenAI-compatible server. Single file, run as
 * {@code java bench/FakeServer.java --latency-ms 200 ...}. Loopback only. Stops itself after
 * {@code --max-requests} requests or {@code --idle-exit-s} seconds without one.
 * Writes its port to {@code --port-file}; prints request counts by reply kind on exit.
 * With {@code --warmup-concurrency C} it warms up at the run's concurrency (see {@link #warmUpAt}); without it, as
 * before: 2,000 requests over 64 connections and 1 s of rest.
 */
public class FakeServer {
    public static void main(String[] args) throws Exception {
        long latency = 200, jitter = 0, maxRequests = 1_000_000, idleExit = 30;
        int warmup = 2_000, warmupConcurrency = 0;
        long warmupMaxS = 60;
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
                case "--warmup-concurrency" -> warmupConcurrency = Integer.parseInt(v);
                case "--warmup-max-s" -> warmupMaxS = Long.parseLong(v);
                case "--axes" -> axes = v.isEmpty() ? new String[0] : v.split(",");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        AtomicLong total = new AtomicLong(), ok = new AtomicLong(), errors = new AtomicLong(), limited = new AtomicLong();
        AtomicLong lastRequest = new AtomicLong(System.nanoTime());
        // The JDK's server closes a connection that goes idle while 200 others are: at C=256 the CLI reconnected 26 times in
        // a run (107-1,742 while the old warm-up's 64 idle connections held slots). A provider keeps a client's connections.
        if (warmupConcurrency > 0 && System.getProperty("sun.net.httpserver.maxIdleConnections") == null)
            System.setProperty("sun.net.httpserver.maxIdleConnections", Integer.toString(Math.max(200, 2 * warmupConcurrency)));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        // Sleeping handler threads cost no CPU; a cached pool (core size 0) serves any concurrency the client opens. Warmed
        // at the run's concurrency, C threads are started now and never retired (idle threads above the core die after 60 s).
        var pool = new ThreadPoolExecutor(Math.max(0, warmupConcurrency), Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
        pool.prestartAllCoreThreads();
        server.setExecutor(pool);
        // Distinct client ports after the warm-up: more than the client's concurrency means connections were reopened.
        Set<Integer> connections = ConcurrentHashMap.newKeySet();
        final String[] axisNames = axes;
        // Until the warm-up is over: no latency, no faults, no request bound (the warm-up at C sets its own, below).
        var behaviour = new AtomicReference<>(new Behaviour(0, 0, 0, 0, Long.MAX_VALUE));
        server.createContext("/", ex -> {
            long n = total.incrementAndGet();
            lastRequest.set(System.nanoTime());
            connections.add(ex.getRemoteAddress().getPort());
            byte[] in = ex.getRequestBody().readAllBytes();
            Behaviour b = behaviour.get();
            try {
                long d = b.latency() + (b.jitter() > 0 ? ThreadLocalRandom.current().nextLong(-b.jitter(), b.jitter() + 1) : 0);
                if (d > 0) Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double x = ThreadLocalRandom.current().nextDouble();
            if (n > b.max()) reply(ex, 503, "{\"error\":{\"message\":\"request bound reached\"}}", null);
            else if (x < b.errorRate()) { errors.incrementAndGet(); reply(ex, 500, "{\"error\":{\"message\":\"injected\"}}", null); }
            else if (x < b.errorRate() + b.rate429()) { limited.incrementAndGet(); reply(ex, 429, "{\"error\":{\"message\":\"slow down\"}}", "1"); }
            else { ok.incrementAndGet(); reply(ex, 200, success(new String(in, StandardCharsets.UTF_8), n, contentHash(in), axisNames), null); }
        });
        server.start();
        if (warmupConcurrency > 0) {
            // Most of the warm-up sleeps 1 ms where the run sleeps, so it is short; its end sleeps as the run does, with its
            // faults: code the JIT compiled without the run's branches and timings would be recompiled during the run.
            var run = new Behaviour(latency, jitter, errorRate, rate429, Long.MAX_VALUE);
            warmUpAt(server.getAddress().getPort(), warmupConcurrency, Math.max(warmup, 8 * warmupConcurrency), warmupMaxS, behaviour,
                    latency > 1 ? List.of(new Behaviour(1, 0, errorRate, rate429, Long.MAX_VALUE), run) : List.of(run));
        } else {
            warmUp(server.getAddress().getPort(), warmup);
        }
        for (AtomicLong counter : List.of(total, ok, errors, limited)) counter.set(0);
        connections.clear();
        behaviour.set(new Behaviour(latency, jitter, errorRate, rate429, maxRequests));
        // The server shares the client's cores: its CPU after the warm-up is what the run leaves the CLI less of.
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threadBean = ManagementFactory.getThreadMXBean();
        long cpuAtStart = os.getProcessCpuTime(), jitAtStart = jitMs(), gcAtStart = gcMs(), threadsAtStart = threadBean.getTotalStartedThreadCount();
        lastRequest.set(System.nanoTime()); // the idle clock starts when the port is published, not at the warm-up's end
        Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
        while (System.nanoTime() - lastRequest.get() < idleExit * 1_000_000_000L && total.get() < maxRequests + 100) Thread.sleep(200);
        server.stop(0);
        double cpuMs = (os.getProcessCpuTime() - cpuAtStart) / 1e6;
        System.out.printf("fake-server: requests=%d ok=%d 500=%d 429=%d connections=%d%n", total.get(), ok.get(), errors.get(),
                limited.get(), connections.size());
        System.out.printf("fake-server: cpu_s=%.2f cpu_ms_per_request=%.3f jit_ms=%d gc_ms=%d threads_started=%d (after the warm-up,"
                + " idle wait included)%n", cpuMs / 1000, total.get() > 0 ? cpuMs / total.get() : 0, jitMs() - jitAtStart,
                gcMs() - gcAtStart, threadBean.getTotalStartedThreadCount() - threadsAtStart);
        System.exit(0);
    }

    /** The JIT's compilation time so far (summed over its threads). */
    private static long jitMs() { return ManagementFactory.getCompilationMXBean().getTotalCompilationTime(); }

    /** The collectors' time so far (pauses; G1's concurrent work is not all in it). */
    private static long gcMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** What the handler does; the request bound applies after the warm-up only. */
    private record Behaviour(long latency, long jitter, double errorRate, double rate429, long max) {}

    /** The warm-up before the ninth session: {@code n} requests without latency over 64 connections, then 1 s of rest. */
    private static void warmUp(int port, int n) throws Exception {
        if (n <= 0) return;
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"warmup\",\"messages\":[]}")).build();
        var pool = Executors.newFixedThreadPool(64);
        var done = new ArrayList<Future<?>>();
        for (int i = 0; i < n; i++) done.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString())));
        for (var f : done) f.get();
        pool.shutdown();
        Thread.sleep(1000); // let the JIT finish compiling: the client shares these cores, a real provider does not
    }

    /**
     * A real provider is warm and does not share our cores. Before publishing its port the server opens {@code c}
     * connections of its own (the run's concurrency; each reopened every 16 requests, so accepting is warm too) and sends
     * bursts of {@code burst} requests of the CLI's shapes and sizes (two generations, then a ~3.5 kB judge call), each
     * followed by a rest until the JIT has compiled nothing for 0.5 s (on a loaded machine the JIT's threads fall behind
     * a load that runs on). Each of the {@code phases} ends after a burst that made the JIT compile for less than 20 ms,
     * all within {@code maxS} s. Then it closes its connections and collects the garbage of its start (the source launcher's).
     */
    private static void warmUpAt(int port, int c, int burst, long maxS, AtomicReference<Behaviour> behaviour,
            List<Behaviour> phases) throws Exception {
        var jit = ManagementFactory.getCompilationMXBean();
        long t0 = System.nanoTime(), deadline = t0 + maxS * 1_000_000_000L;
        var permits = new Semaphore(0);
        var stop = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        String generation = "{\"model\":\"warmup\",\"messages\":[{\"role\":\"system\",\"content\":\"Be helpful%s.\"},{\"role\":"
                + "\"user\",\"content\":\"Sam #40000: Case 0: my order has not arrived, what now?\"}],\"temperature\":0.0,\"top_p\":1.0,"
                + "\"max_tokens\":256,\"seed\":1}";
        String judge = "{\"model\":\"warmup-judge\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "Compare response A with B. ".repeat(120)
                + "\"}],\"max_tokens\":1024,\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"properties\":{\"winner\":{}}}}}";
        byte[][][] requests = {request(port, generation.formatted("")), request(port, generation.formatted(" and cite policy")), request(port, judge)};
        List<Thread> threads = Stream.generate(() -> new Thread(() -> warmConnection(port, requests, permits, stop, answered))).limit(c).toList();
        threads.forEach(Thread::start);
        int bursts = 0;
        long lastBurstJitMs = -1;
        for (Behaviour phase : phases) {
            behaviour.set(phase);
            for (lastBurstJitMs = -1; System.nanoTime() < deadline && (lastBurstJitMs < 0 || lastBurstJitMs >= 20); bursts++) {
                int size = phase.latency() > 1 ? Math.min(burst, 8 * c) : burst; // at the run's latency: at most 8 rounds
                long before = jit.getTotalCompilationTime(), target = answered.get() + size;
                permits.release(size);
                while (answered.get() < target && System.nanoTime() < deadline) Thread.sleep(10);
                lastBurstJitMs = quietJit(jit, deadline) - before;
            }
        }
        stop.set(true);
        permits.release(c);
        for (Thread t : threads) t.join();
        System.gc();
        quietJit(jit, System.nanoTime() + 5_000_000_000L);
        System.out.printf("fake-server: warm-up connections=%d bursts=%d requests=%d s=%.1f last_burst_jit_ms=%d settled=%b%n",
                c, bursts, answered.get(), (System.nanoTime() - t0) / 1e9, lastBurstJitMs, lastBurstJitMs >= 0 && lastBurstJitMs < 20);
    }

    /** One warm-up client thread: a request per permit, on a connection it reopens every 16 requests. */
    private static void warmConnection(int port, byte[][][] requests, Semaphore permits, AtomicBoolean stop, AtomicLong answered) {
        try {
            for (long k = 0; ; ) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    for (int j = 0; j < 16; j++, k++) {
                        permits.acquire();
                        if (stop.get()) return;
                        byte[][] r = requests[(int) (k % 3)];
                        out.write(r[0]); // head and body in two writes, as java.net.http sends them
                        out.write(r[1]);
                        readResponse(in);
                        answered.incrementAndGet();
                    }
                }
            }
        } catch (IOException | InterruptedException e) { // the burst then ends at the deadline, and settled=false says so
            System.out.println("fake-server: a warm-up connection failed: " + e);
        }
    }

    /** Waits until the JIT has compiled nothing for 0.5 s (or the deadline) and returns its total compilation time. */
    private static long quietJit(CompilationMXBean jit, long deadline) throws InterruptedException {
        long last = jit.getTotalCompilationTime();
        for (long quietSince = System.nanoTime(); System.nanoTime() - quietSince < 500_000_000L && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
            if (jit.getTotalCompilationTime() != last) { last = jit.getTotalCompilationTime(); quietSince = System.nanoTime(); }
        }
        return last;
    }

    /** A request's head and body, with the headers java.net.http sends for the CLI. */
    private static byte[][] request(int port, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/chat/completions HTTP/1.1\r\nAccept: application/json\r\nContent-Length: " + b.length
                + "\r\nContent-Type: application/json\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: fake-server-warm-up\r\n\r\n";
        return new byte[][] {head.getBytes(StandardCharsets.US_ASCII), b};
    }

    /** Reads one response (the server always sends Content-Length) and drops it. */
    private static void readResponse(InputStream in) throws IOException {
        long length = 0;
        for (StringBuilder line = new StringBuilder(); ; ) {
            int ch = in.read();
            if (ch < 0) throw new EOFException("the server closed a warm-up connection");
            if (ch != '\n') { if (ch != '\r') line.append((char) ch); continue; }
            if (line.length() == 0) { in.readNBytes((int) length); return; }
            if (line.toString().toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Long.parseLong(line.substring(15).trim());
            line.setLength(0);
        }
    }

    /**
     * What the reply says is a function of the request's bytes, as a model's at temperature 0 is of its prompt: the same
     * case gets the same answers, hence the same judge prompt and verdict, in whatever order the requests arrive (a
     * verdict by arrival order made the bench's exit code vary between runs of the same command). On the measured path:
     * eight bytes a step through a view of the array (no allocation; about a fifth of Arrays.hashCode's time, which
     * chains a multiply per byte), then murmur3's 64-bit finalizer, so that the residues mod 3 and 5 are even.
     */
    static long contentHash(byte[] request) {
        long h = request.length;
        int i = 0;
        for (; i + 8 <= request.length; i += 8) h = (h ^ (long) LONGS.get(request, i)) * 0x9E3779B97F4A7C15L;
        for (; i < request.length; i++) h = (h ^ request[i]) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h >>> 1; // non-negative
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** {@code n} is the request's number (the reply's id only), {@code h} its {@link #contentHash}. */
    static String success(String body, long n, long h, String[] axes) {
        // Judge prompts get a verdict with a 1-5 score per axis for both sides; everything else a short answer.
        boolean judge = body.contains("\"winner\"") || body.contains("judge");
        long h5 = h % 5; // the scores below are (h * 7 + i) % 5 and (h * 11 + 2i + 2) % 5, without overflowing
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        for (int i = 0; i < axes.length; i++) {
            String sep = i == 0 ? "" : ", ";
            a.append(sep).append("\\\"").append(axes[i]).append("\\\": ").append(1 + (h5 * 7 + i) % 5);
            b.append(sep).append("\\\"").append(axes[i]).append("\\\": ").append(1 + (h5 * 11 + 2 * i + 2) % 5);
        }
        // A third each of ties, A and B, as by arrival order before.
        String content = judge
                ? "{\\\"winner\\\": \\\"" + (h % 3 == 0 ? "tie" : h % 3 == 1 ? "A" : "B") + "\\\", \\\"scores\\\": {\\\"A\\\": {" + a
                        + "}, \\\"B\\\": {" + b + "}}, \\\"reason\\\": \\\"bench\\\"}"
                : "A helpful answer number " + h % 10_000 + ".";
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
