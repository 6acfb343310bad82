package dev.promptarena.testing;

/**
 * Makes "a client reaches its concurrency cap" a deterministic observation: a fake server's fallback calls
 * {@link #pass} for each request of one kind, and the first requests are held until {@code cap} of them are
 * inside at the same moment; from then on every request passes straight through. A client that honours a cap
 * of exactly {@code cap} with more work queued always gets there, whatever the scheduling, so {@link #reached}
 * is true. A client whose cap is lower never gets there: the held requests are released after a generous
 * timeout (only a wrong client ever waits for it) and {@link #reached} stays false. A cap above the limit is
 * caught by the server's own peak count, which includes the time spent in here.
 */
public final class InFlightBarrier {
    private final int cap;
    private final long timeoutMillis;
    private int inside;
    private boolean reached;
    private boolean gaveUp;

    public InFlightBarrier(int cap, long timeoutMillis) {
        this.cap = cap;
        this.timeoutMillis = timeoutMillis;
    }

    /** Holds the calling request thread until the cap has been reached once (or the timeout has passed). */
    public synchronized void pass() {
        inside++;
        try {
            if (inside >= cap) {
                reached = true;
                notifyAll();
            }
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (!reached && !gaveUp) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    gaveUp = true; // the client never had cap requests in flight: release everyone, reached stays false
                    notifyAll();
                    break;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // server closing
        } finally {
            inside--;
        }
    }

    /** Whether {@code cap} requests were ever held at the same moment. */
    public synchronized boolean reached() { return reached; }
}
