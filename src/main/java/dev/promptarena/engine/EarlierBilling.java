package dev.promptarena.engine;

import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;
import dev.promptarena.util.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * Hands a call's caller, not the journal or the counters, the tokens its slot was billed by failed calls before this
 * session ({@link Journal#failedBilling}): the answer's {@code billedBefore} or the failure's billed tokens grow by
 * them, so the case's cost counts them as the uninterrupted run's case did. engine.json counted them at open, and the
 * journal line of this call keeps only its own, so a later resume counts nothing twice.
 */
final class EarlierBilling {
    private EarlierBilling() {}

    static CompletableFuture<LlmResponse> carry(CompletableFuture<LlmResponse> call, Usage earlier) {
        return call.handle((response, error) -> {
            if (error == null) return CompletableFuture.completedFuture(response.withBilledBefore(response.billedBefore().plus(earlier)));
            Throwable cause = Futures.cause(error);
            if (!(cause instanceof ProviderException pe)) return CompletableFuture.<LlmResponse>failedFuture(cause); // not made: no case cost
            return CompletableFuture.<LlmResponse>failedFuture(new ProviderException(pe.kind(), pe.status(), pe.getMessage(), pe.retryAfter(),
                    new BilledUsage(ProviderException.billedBy(pe).plus(earlier), null)));
        }).thenCompose(f -> f);
    }
}
