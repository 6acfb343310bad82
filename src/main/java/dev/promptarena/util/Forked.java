package dev.promptarena.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A computation started on its own daemon thread, joined later: how the end of a run uses the second
 * core (the bootstrap beside the rest of the analysis, report.html beside the other reports). Only for
 * work on immutable inputs. {@link #join()} rethrows the computation's own exception.
 *
 * @param <T> the result
 */
public final class Forked<T> {
    private final FutureTask<T> task;

    private Forked(FutureTask<T> task) { this.task = task; }

    public static <T> Forked<T> start(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        DaemonThreads.start(threadName, task);
        return new Forked<>(task);
    }

    public T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a background computation", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }
}
