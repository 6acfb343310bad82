package dev.promptarena.util;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void unwrapsEveryCompletionLayerAndNothingElse() {
        IllegalStateException real = new IllegalStateException("x");
        assertSame(real, Futures.cause(new CompletionException(new CompletionException(real))));
        assertSame(real, Futures.cause(real));
        RuntimeException wrapper = new RuntimeException(real); // not a future's wrapper: kept
        assertSame(wrapper, Futures.cause(wrapper));
        CompletionException empty = new CompletionException("no cause", null);
        assertSame(empty, Futures.cause(empty));
    }
}
