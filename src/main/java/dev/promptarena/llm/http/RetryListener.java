package dev.promptarena.llm.http;

import dev.promptarena.llm.ProviderException;
import java.time.Duration;

/** What the retry layer reports to whoever counts (the engine's counters). All methods are optional. */
public interface RetryListener {
    /** An attempt (HTTP request) is about to be sent. */
    default void attemptStarted() {}

    /** An attempt failed with {@code failure} and will be retried after {@code delay}. */
    default void retrying(ProviderException failure, int attempt, Duration delay) {}

    RetryListener NONE = new RetryListener() {};
}
