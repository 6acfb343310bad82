package dev.promptarena.testing;

import dev.promptarena.llm.http.Delayer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Delayer} that records every requested wait and completes at once, so retry tests are instant. */
public final class RecordingDelayer implements Delayer {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        if (!delay.isZero()) waits.add(delay);
        return CompletableFuture.completedFuture(null);
    }

    /** Non-zero waits requested so far. */
    public List<Duration> waits() { return List.copyOf(waits); }
}
