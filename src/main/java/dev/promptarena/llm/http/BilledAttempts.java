package dev.promptarena.llm.http;

import dev.promptarena.llm.BilledUsage;
import java.util.concurrent.CompletableFuture;

/**
 * One call's ear on the retry layer for attempts the provider billed without giving an answer (a 200 with usage that
 * could not be decoded). The retry layer stays the only one that retries; whoever pays (the engine's budget) says
 * whether the next attempt, which may be billed again, can still be afforded.
 */
@FunctionalInterface
public interface BilledAttempts {
    /**
     * An attempt failed but was billed {@code billed}.
     *
     * @param retryWanted true when the retry layer would send another attempt
     * @return completes with true when that attempt may be sent, false to end the call with this failure
     */
    CompletableFuture<Boolean> billed(BilledUsage billed, boolean retryWanted);

    /** Nobody counts: every retry the policy allows is sent (tests, tools without a budget). */
    BilledAttempts NONE = (billed, retryWanted) -> CompletableFuture.completedFuture(true);
}
