package dev.promptarena.llm.http;

import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ends a JDK {@link HttpClient} before the JVM exits.
 *
 * <p>Why: a JDK 17 client keeps a selector thread blocked in {@code epoll_wait} until the client is
 * garbage collected, and HotSpot's exit waits up to 300 ms for every thread in native code to
 * block; measured on every run that called a provider ({@code bench/README.md}). JDK 21 added
 * {@code HttpClient.close()}, used when present. On 17 the selector thread, named
 * {@code HttpClient-<id>-SelectorManager} with the id from the client's {@code toString()} (the
 * JDK's own tests rely on both), is interrupted, which is how its run loop stops: it closes the
 * client's connections and ends.
 */
public final class HttpClients {
    private static final Pattern ID = Pattern.compile("\\((\\d+)\\)$");

    private HttpClients() {}

    /** Call only when no request of {@code client} is in flight: those would fail. */
    public static void release(HttpClient client) {
        if (client instanceof AutoCloseable closeable) { // JDK 21+
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort: the client is done either way
            }
            return;
        }
        Matcher m = ID.matcher(client.toString());
        if (!m.find()) return;
        String name = "HttpClient-" + m.group(1) + "-SelectorManager";
        for (Thread t : allThreads()) {
            if (t != null && name.equals(t.getName())) t.interrupt();
        }
    }

    private static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] threads = new Thread[root.activeCount() + 16];
        root.enumerate(threads, true);
        return threads;
    }
}
