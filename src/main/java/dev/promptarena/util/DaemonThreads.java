package dev.promptarena.util;

import java.util.concurrent.ThreadFactory;

/**
 * Named daemon threads: every background thread of a run is one, so none keeps an interrupted run
 * alive and each is recognisable in a thread dump.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory for executors whose threads are daemons called {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code task} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread t = named(name).newThread(task);
        t.start();
        return t;
    }
}
