package dev.promptarena.engine;

import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Test double: calls the clients directly, one per provider key, with no engine in between. */
public final class DirectCalls implements Calls {
    private final Map<String, LlmClient> clients;

    public DirectCalls(Map<String, LlmClient> clients) { this.clients = Map.copyOf(clients); }

    @Override
    public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
        LlmClient client = clients.get(providerKey);
        if (client == null) return CompletableFuture.failedFuture(new IllegalArgumentException("no provider " + providerKey));
        return client.send(request);
    }

    @Override
    public void close() { }
}
