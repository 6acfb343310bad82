package dev.promptarena.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Hands the items one thread produces, in order, to a consumer on a second thread: two writers that need the same
 * sequence (report.json's writer reads and parses every case; cases.csv takes each record it parsed) run on two cores
 * instead of one after the other, and the consumer sees exactly the sequence a direct call would have given it, so its
 * output does not depend on thread timing. Bounded (a few batches in flight), so memory stays flat in the items.
 *
 * <p>Failure either side stops both: a producer that fails (or calls {@link #abort}) makes the consumer's
 * {@link #drainTo} throw {@link Aborted}, so its file is discarded; a consumer that fails makes the producer's next
 * {@link #accept} throw {@link Aborted}, and {@link #run} rethrows the consumer's own exception. Neither blocks forever:
 * the consumer's thread always reads until the producer's last batch.
 *
 * @param <T> the items
 */
public final class Relay<T> implements Consumer<T> {
    /** Items per handover: one queue operation per batch, not per item. */
    private static final int BATCH = 64;
    /** The last batch after the last item, and after a failure; compared by identity (two distinct empty lists). */
    private static final List<Object> END = new ArrayList<>(0);
    private static final List<Object> ABORT = new ArrayList<>(0);

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(4);
    private List<T> batch = new ArrayList<>(BATCH);
    private volatile boolean consumerFailed;
    /** Read and written by the consumer's thread only. */
    private boolean lastSeen;

    /** Thrown on one side when the other side failed. */
    public static final class Aborted extends RuntimeException {
        Aborted(String message) { super(message, null, false, false); }
    }

    /** Something that consumes the whole sequence through the consumer it is given (e.g. a file writer). */
    public interface Sink<T> {
        void consume(Consumer<Consumer<T>> sequence) throws Exception;
    }

    /**
     * Runs {@code producer} on this thread (it calls {@link #accept} for each item) and {@code sink} on a daemon thread
     * called {@code threadName}; returns when both are done. The producer's exception wins; otherwise the sink's is
     * rethrown (as thrown, or wrapped in an IllegalStateException when checked).
     */
    public static <T> void run(String threadName, Sink<T> sink, Consumer<Relay<T>> producer) {
        Relay<T> relay = new Relay<>();
        Forked<Void> consumer = Forked.start(threadName, () -> {
            try {
                sink.consume(relay::drainTo);
                return null;
            } catch (Exception | Error e) {
                relay.consumerFailed = true;
                throw e;
            } finally {
                relay.discardRest();
            }
        });
        try {
            producer.accept(relay);
            relay.finish(END);
        } catch (RuntimeException | Error e) {
            relay.finish(ABORT);
            try {
                consumer.join();
            } catch (RuntimeException | Error consumerFailure) {
                // The producer stopped because the consumer failed (maybe wrapped by a serializer): the consumer's reason.
                if (abortedByConsumer(e)) throw consumerFailure;
                e.addSuppressed(consumerFailure);
            }
            throw e;
        }
        consumer.join();
    }

    private Relay() {}

    private static boolean abortedByConsumer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof Aborted) return true;
        return false;
    }

    /** The producer's side: the next item. */
    @Override
    public void accept(T item) {
        if (consumerFailed) throw new Aborted("the consumer failed");
        batch.add(item);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void finish(List<?> last) {
        if (last == END && !batch.isEmpty()) put(batch);
        batch = null;
        put(last);
    }

    private void put(List<?> b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing items over", e);
        }
    }

    /** The consumer's side: every item, in order; throws {@link Aborted} when the producer failed. */
    @SuppressWarnings("unchecked")
    private void drainTo(Consumer<T> each) {
        while (!lastSeen) {
            List<?> b = take();
            if (b == END || b == ABORT) lastSeen = true;
            if (b == ABORT) throw new Aborted("the producer failed");
            for (Object item : b) each.accept((T) item);
        }
    }

    /** After the consumer stopped (early, if it failed or never read): reads on to the producer's last batch. */
    private void discardRest() {
        while (!lastSeen) {
            List<?> b = take();
            lastSeen = b == END || b == ABORT;
        }
    }

    private List<?> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for items", e);
        }
    }
}
