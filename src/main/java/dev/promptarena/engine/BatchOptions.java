package dev.promptarena.engine;

import dev.promptarena.config.BatchSettings;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the engine drives provider batch jobs ({@code run --batch}).
 *
 * @param retry           what happens to failed or expired items (see {@link BatchSettings.Retry})
 * @param pollInterval    time between two polls of the live batches
 * @param sleeper         how the poll loop waits (tests inject one that returns at once and counts)
 * @param maxRequests     per-batch request cap below the provider's documented one (tests lower it), or null
 * @param maxBytes        per-batch byte cap below the provider's documented one, or null
 * @param haltAfterSubmit fault injection: stop the run right after the batches are submitted and journaled,
 *                        as a kill between submit and poll would (tests)
 * @param log             where batch state changes are reported (stderr; nothing under {@code -q})
 */
public record BatchOptions(BatchSettings.Retry retry, Duration pollInterval, Sleeper sleeper, Integer maxRequests, Long maxBytes,
                           boolean haltAfterSubmit, Consumer<String> log) {
    /** Waits between polls. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Polls every 30 s: a batch takes minutes to hours, and every poll is a request against the provider's limits. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(30);

    public BatchOptions {
        java.util.Objects.requireNonNull(retry, "retry");
        pollInterval = pollInterval == null ? DEFAULT_POLL : pollInterval;
        sleeper = sleeper == null ? d -> Thread.sleep(d.toMillis()) : sleeper;
        log = log == null ? line -> { } : log;
        if (maxRequests != null && maxRequests < 1) throw new IllegalArgumentException("maxRequests must be >= 1, got: " + maxRequests);
        if (maxBytes != null && maxBytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1, got: " + maxBytes);
    }

    /** Production settings: {@code retry} from the config, real sleeps, the providers' own limits. */
    public static BatchOptions of(BatchSettings.Retry retry, Consumer<String> log) {
        return new BatchOptions(retry, null, null, null, null, false, log);
    }

    public BatchOptions withSleeper(Sleeper s) { return new BatchOptions(retry, pollInterval, s, maxRequests, maxBytes, haltAfterSubmit, log); }

    public BatchOptions withLimits(Integer requests, Long bytes) { return new BatchOptions(retry, pollInterval, sleeper, requests, bytes, haltAfterSubmit, log); }

    public BatchOptions haltingAfterSubmit(boolean halt) { return new BatchOptions(retry, pollInterval, sleeper, maxRequests, maxBytes, halt, log); }

    /** Polls every {@code seconds} ({@code engine.batch_poll_seconds}), or every {@link #DEFAULT_POLL} when null. */
    public BatchOptions withPollSeconds(Integer seconds) {
        return new BatchOptions(retry, seconds == null ? null : Duration.ofSeconds(seconds), sleeper, maxRequests, maxBytes, haltAfterSubmit, log);
    }

    public BatchOptions withLog(Consumer<String> l) { return new BatchOptions(retry, pollInterval, sleeper, maxRequests, maxBytes, haltAfterSubmit, l); }
}
