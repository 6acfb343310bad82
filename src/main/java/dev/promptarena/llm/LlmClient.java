package dev.promptarena.llm;

import java.util.concurrent.CompletableFuture;

/**
 * One provider endpoint. Implementations speak a wire protocol and classify failures by
 * completing the future with a {@link ProviderException}; they never retry (the engine does).
 */
public interface LlmClient {
    CompletableFuture<LlmResponse> send(LlmRequest request);

    /** A stable description for cache keys and the manifest: type and base URL, never a key. */
    String identity();

    /** Releases the connections and threads behind the client; called once no call is in flight. */
    default void close() {}
}
