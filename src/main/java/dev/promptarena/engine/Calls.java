package dev.promptarena.engine;

import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The one door every provider call goes through (generation and judge alike). Implementations
 * own concurrency and rate limits, retries, the journal and the cache; callers only say which
 * provider, what request, and for which role the call is made (for accounting).
 */
public interface Calls extends AutoCloseable {
    /** Roles a call is made for; cost and counts are reported per role. */
    enum Role { A, B, JUDGE }

    /**
     * Sends {@code request} to the provider configured under {@code providerKey}. The future
     * completes with the response, or exceptionally with a
     * {@link dev.promptarena.llm.ProviderException} once retries are exhausted.
     */
    CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role);

    @Override
    void close();
}
