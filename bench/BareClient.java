import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor under {@code run-bench.sh}: the least a JVM program can do to make the same calls with
 * {@code java.net.http}. It reads no config, keeps no journal, computes nothing and writes nothing: one
 * thread sends {@code CALLS} independent requests through {@code sendAsync}, at most {@code CONCURRENCY} in
 * flight, waits for all, frees the client's selector thread (as the CLI does) and exits. Its efficiency
 * is the most the CLI could reach on this machine; {@code bench/bare-bound.sh} runs it.
 *
 * <p>With {@code blocking} as fourth argument it makes the same calls the way the transport tried on branch
 * {@code transport} (eighth session, not merged: bench/README.md) does: blocking {@code HttpURLConnection}, one thread per call in flight ({@code CONCURRENCY} threads),
 * {@code http.maxConnections} = concurrency so connections are reused.
 *
 * <pre>java BareClient BASE_URL CALLS CONCURRENCY [jdk|blocking]</pre>
 */
public class BareClient {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int calls = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        if (args.length > 3 && args[3].equals("blocking")) {
            blocking(base, calls, concurrency);
            return;
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(calls);
        long[] sentAt = new long[calls], latency = new long[calls];
        int[] failed = new int[1];
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            slots.acquire();
            String body = body(i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int call = i;
            sentAt[call] = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                latency[call] = System.nanoTime() - sentAt[call];
                if (error != null || response.statusCode() != 200) {
                    synchronized (failed) { failed[0]++; }
                }
                slots.release();
                done.countDown();
            });
        }
        done.await();
        long end = System.nanoTime();
        Matcher id = Pattern.compile("\\((\\d+)\\)$").matcher(client.toString());
        if (id.find()) {
            String selector = "HttpClient-" + id.group(1) + "-SelectorManager";
            for (Thread t : Thread.getAllStackTraces().keySet()) if (selector.equals(t.getName())) t.interrupt();
        }
        report(calls, t0, end, sentAt, latency, failed[0]);
    }

    static String body(int i) {
        return "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Case " + i
                + ": my order has not arrived, what now?\"}],\"temperature\":0.0,\"max_tokens\":256}";
    }

    private static void blocking(String base, int calls, int concurrency) throws Exception {
        System.setProperty("http.maxConnections", Integer.toString(concurrency)); // before the first connection
        java.net.URL url = URI.create(base + "/chat/completions").toURL();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long[] sentAt = new long[calls], latency = new long[calls];
        int[] failed = new int[1];
        long t0 = System.nanoTime();
        Thread[] threads = new Thread[concurrency];
        for (int k = 0; k < concurrency; k++) {
            threads[k] = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < calls; ) {
                    sentAt[i] = System.nanoTime();
                    boolean ok;
                    try {
                        byte[] b = body(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        HttpURLConnection c = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
                        c.setRequestMethod("POST");
                        c.setDoOutput(true);
                        c.setRequestProperty("Content-Type", "application/json");
                        try (OutputStream o = c.getOutputStream()) { o.write(b); }
                        int status = c.getResponseCode();
                        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                            if (in != null) in.readAllBytes();
                        }
                        ok = status == 200;
                    } catch (IOException e) {
                        ok = false;
                    }
                    latency[i] = System.nanoTime() - sentAt[i];
                    if (!ok) synchronized (failed) { failed[0]++; }
                }
            }, "bare-" + k);
            threads[k].setDaemon(true);
            threads[k].start();
        }
        for (Thread t : threads) t.join();
        report(calls, t0, System.nanoTime(), sentAt, latency, failed[0]);
    }

    static void report(int calls, long t0, long end, long[] sentAt, long[] latency, int failures) {
        double[] sum = new double[4];
        int[] n = new int[4];
        double all = 0;
        for (int i = 0; i < calls; i++) {
            int bucket = (int) Math.min(3, (sentAt[i] - t0) / 500_000_000L); // 0-0.5 s, 0.5-1, 1-1.5, after
            sum[bucket] += latency[i] / 1e6;
            n[bucket]++;
            all += latency[i] / 1e6;
        }
        System.out.printf("bare_calls_phase_s=%.2f bare_mean_latency_ms=%.1f failed=%d%n", (end - t0) / 1e9, all / calls, failures);
        System.out.printf("bare_latency_ms_by_send_time: 0-0.5s=%.1f 0.5-1s=%.1f 1-1.5s=%.1f later=%.1f%n",
                sum[0] / Math.max(1, n[0]), sum[1] / Math.max(1, n[1]), sum[2] / Math.max(1, n[2]), sum[3] / Math.max(1, n[3]));
        System.exit(failures == 0 ? 0 : 1);
    }
}
