package dev.promptarena.util;

import java.util.concurrent.CompletionException;

/** Helpers for {@link java.util.concurrent.CompletableFuture} failures. */
public final class Futures {
    private Futures() {}

    /**
     * The failure inside the {@link CompletionException} layers a future chain wraps around it
     * ({@code exceptionally} and {@code handle} see the wrapper once a stage has passed it on), so
     * callers classify the real exception; {@code e} itself when it is not wrapped.
     */
    public static Throwable cause(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        return t;
    }
}
