package dev.promptarena.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The wait between two polls of a batch, which a stop (Ctrl-C, {@link #wake}) cuts short: a batch may take hours,
 * and a stop must not wait for the next poll. Apart from {@link BatchLane} because it is the lane's one piece of
 * thread coordination: one thread waits, any thread wakes it.
 */
final class PollWait {
    private final BatchOptions.Sleeper sleeper;
    private final Duration interval;
    /** The thread waiting between two polls, which {@link #wake} interrupts; null when none waits. */
    private Thread poller;

    PollWait(BatchOptions.Sleeper sleeper, Duration interval) {
        this.sleeper = sleeper;
        this.interval = interval;
    }

    /**
     * Waits one poll interval through the injected sleeper. Returns normally, or throws {@link RunStoppedException}
     * when the run is stopping (the interrupt is consumed: it was ours).
     */
    void await(BooleanSupplier stopping) throws InterruptedException {
        synchronized (this) {
            poller = Thread.currentThread();
        }
        try {
            // Checked after registering: a stop before this line is seen here, one after it interrupts the sleep.
            if (!stopping.getAsBoolean()) sleeper.sleep(interval);
        } catch (InterruptedException e) {
            if (!stopping.getAsBoolean()) throw e;
        } finally {
            synchronized (this) {
                poller = null;
            }
        }
        if (stopping.getAsBoolean()) {
            Thread.interrupted(); // an interrupt from wake() that came after the sleep ended
            throw new RunStoppedException();
        }
    }

    /** Ctrl-C: interrupts the wait between two polls, if one is under way. Any thread. */
    synchronized void wake() {
        if (poller != null) poller.interrupt();
    }
}
