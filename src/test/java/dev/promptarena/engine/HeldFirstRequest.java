package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A fake provider that holds the first request it receives until the test releases it, so a second identical call is
 * asked while the first is in flight whatever the scheduling. Once released, it stays released.
 */
final class HeldFirstRequest implements AutoCloseable {
    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();

    FakeOpenAiServer server() { return server; }

    /** Answers the n-th request from now (n from 1) with {@code reply.apply(n)}; the first is held until {@link #releaseFirst}. */
    void script(IntFunction<Reply> reply) {
        received.set(0);
        server.fallback(r -> {
            int n = received.incrementAndGet();
            if (n == 1) {
                firstArrived.countDown();
                await(releaseFirst, "the test released the first request");
            }
            return reply.apply(n);
        });
    }

    void awaitFirstArrived() {
        await(firstArrived, "the first request reached the fake");
    }

    void releaseFirst() { releaseFirst.countDown(); }

    private static void await(CountDownLatch latch, String what) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        releaseFirst.countDown();
        server.close();
    }
}
