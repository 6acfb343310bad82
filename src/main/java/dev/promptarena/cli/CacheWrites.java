package dev.promptarena.cli;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The end of a run: the shared cache's last writes ran beside the reports, and the next run should find them. */
final class CacheWrites {
    private CacheWrites() {}

    /** Waits for the writes (at most a minute) and warns when some failed: a later run will pay for those calls again. */
    static void await(CompletableFuture<Long> cacheWrites, PrintStream err) throws InterruptedException {
        long failed;
        try {
            failed = cacheWrites.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            failed = -1;
        }
        if (failed != 0) {
            err.println("warning: " + (failed < 0 ? "some" : String.valueOf(failed))
                    + " responses could not be written to the response cache; a later run will call for them again");
        }
    }
}
