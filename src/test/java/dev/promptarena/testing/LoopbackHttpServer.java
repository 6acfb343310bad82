package dev.promptarena.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * The JDK's HTTP server on 127.0.0.1 at a free port, answering every path with one handler: what the in-process fakes
 * ({@link FakeOpenAiServer}, {@link FakeBatchServer}) and the HTTP client tests run on. Closing it stops the server and
 * its handler threads.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    private LoopbackHttpServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * @param backlog connections the socket queues before accepting (0: the system's default)
     * @param pool    the handler threads, or null for the JDK's default (the thread that accepts runs the handler)
     */
    public static LoopbackHttpServer start(int backlog, ExecutorService pool, HttpHandler handler) {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and every
        // reply takes ~40 ms longer. The JDK reads the property once, when its first server starts in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pool != null) server.setExecutor(pool);
        server.createContext("/", handler);
        server.start();
        return new LoopbackHttpServer(server, pool);
    }

    /** e.g. {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String rootUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    @Override
    public void close() {
        server.stop(0);
        if (pool != null) pool.shutdownNow();
    }
}
