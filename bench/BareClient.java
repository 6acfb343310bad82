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
 * <pre>java BareClient BASE_URL CALLS CONCURRENCY</pre>
 */
public class BareClient {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int calls = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(calls);
        long[] sentAt = new long[calls], latency = new long[calls];
        int[] failed = new int[1];
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            slots.acquire();
            String body = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Case " + i
                    + ": my order has not arrived, what now?\"}],\"temperature\":0.0,\"max_tokens\":256}";
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
        double[] sum = new double[4];
        int[] n = new int[4];
        double all = 0;
        for (int i = 0; i < calls; i++) {
            int bucket = (int) Math.min(3, (sentAt[i] - t0) / 500_000_000L); // 0-0.5 s, 0.5-1, 1-1.5, after
            sum[bucket] += latency[i] / 1e6;
            n[bucket]++;
            all += latency[i] / 1e6;
        }
        System.out.printf("bare_calls_phase_s=%.2f bare_mean_latency_ms=%.1f failed=%d%n", (end - t0) / 1e9, all / calls, failed[0]);
        System.out.printf("bare_latency_ms_by_send_time: 0-0.5s=%.1f 0.5-1s=%.1f 1-1.5s=%.1f later=%.1f%n",
                sum[0] / Math.max(1, n[0]), sum[1] / Math.max(1, n[1]), sum[2] / Math.max(1, n[2]), sum[3] / Math.max(1, n[3]));
        System.exit(failed[0] == 0 ? 0 : 1);
    }
}
