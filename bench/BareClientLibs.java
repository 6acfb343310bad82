import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor of two asynchronous HTTP libraries from Maven Central for {@code run-bench.sh}'s workload, beside
 * {@link BareClient}'s {@code java.net.http} and blocking floors: Apache HttpClient 5's async client
 * ({@code hc5}: one I/O reactor thread per core, callbacks on the reactor) and Jetty 12's client ({@code jetty}).
 * Same calls, same concurrency cap, same report. Not a dependency of the CLI: {@code bench/bare-bound.sh} fetches
 * the jars with Maven when {@code BARE_TRANSPORT} names one of them.
 *
 * <pre>java -cp LIBS:. BareClientLibs BASE_URL CALLS CONCURRENCY hc5|jetty</pre>
 */
public class BareClientLibs {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int calls = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        String mode = args[3];
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(calls);
        long[] sentAt = new long[calls], latency = new long[calls];
        AtomicInteger failed = new AtomicInteger();
        String url = base + "/chat/completions";
        long t0;
        if (mode.equals("hc5")) {
            IOReactorConfig reactor = IOReactorConfig.custom().setIoThreadCount(Runtime.getRuntime().availableProcessors())
                    .setTcpNoDelay(true).build();
            CloseableHttpAsyncClient client = HttpAsyncClients.custom().setIOReactorConfig(reactor)
                    .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                    .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency).build())
                    .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling().build();
            client.start();
            URI uri = URI.create(url);
            t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                slots.acquire();
                int call = i;
                SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                        .setBody(BareClient.body(i), ContentType.APPLICATION_JSON).build();
                sentAt[call] = System.nanoTime();
                client.execute(request, new FutureCallback<SimpleHttpResponse>() {
                    @Override public void completed(SimpleHttpResponse r) {
                        if (r.getCode() != 200 || r.getBodyText() == null) failed.incrementAndGet();
                        end(call);
                    }
                    @Override public void failed(Exception e) { failed.incrementAndGet(); end(call); }
                    @Override public void cancelled() { failed.incrementAndGet(); end(call); }
                    private void end(int c) {
                        latency[c] = System.nanoTime() - sentAt[c];
                        slots.release();
                        done.countDown();
                    }
                });
            }
        } else if (mode.equals("jetty")) {
            QueuedThreadPool pool = new QueuedThreadPool(8, 2);
            pool.setName("jetty-client");
            HttpClient client = new HttpClient();
            client.setExecutor(pool);
            client.setMaxConnectionsPerDestination(concurrency);
            client.setMaxRequestsQueuedPerDestination(calls + concurrency);
            client.setFollowRedirects(false);
            client.start();
            t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                slots.acquire();
                int call = i;
                sentAt[call] = System.nanoTime();
                client.newRequest(url).method(HttpMethod.POST)
                        .body(new StringRequestContent("application/json", BareClient.body(i), StandardCharsets.UTF_8))
                        .send(new BufferingResponseListener(1 << 20) {
                            @Override public void onComplete(Result result) {
                                if (result.isFailed() || result.getResponse().getStatus() != 200 || getContentAsString() == null) {
                                    failed.incrementAndGet();
                                }
                                latency[call] = System.nanoTime() - sentAt[call];
                                slots.release();
                                done.countDown();
                            }
                        });
            }
        } else {
            throw new IllegalArgumentException("hc5 or jetty, not " + mode);
        }
        done.await();
        BareClient.report(calls, t0, System.nanoTime(), sentAt, latency, failed.get());
    }
}
