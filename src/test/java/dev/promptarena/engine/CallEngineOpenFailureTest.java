package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.promptarena.input.InputException;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.testing.RecordingDelayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that fails while it is being built is never handed to anyone who could close it, so the constructor
 * closes what it had opened. Before, a resume refused for its journal (a line that is not an entry) left the clients
 * it had built open, with the connections and threads behind them, once per refused resume of a long-lived process.
 */
class CallEngineOpenFailureTest {
    @TempDir Path runDir;

    /** A client that only records that it was closed. */
    private static final class ClosingClient implements LlmClient {
        final String name;
        final List<String> closed;

        ClosingClient(String name, List<String> closed) {
            this.name = name;
            this.closed = closed;
        }

        @Override public CompletableFuture<LlmResponse> send(LlmRequest request) {
            return CompletableFuture.failedFuture(new AssertionError("no call is sent"));
        }

        @Override public String identity() { return "fake:" + name; }

        @Override public void close() { closed.add(name); }
    }

    private static ProviderConfig provider(String name) {
        return new ProviderConfig(name, "openai", "http://127.0.0.1:9/v1", "FAKE_KEY", 1, null, null, Map.of(), Map.of());
    }

    private static EngineOptions options() {
        return new EngineOptions(null, null, null, null, new RecordingDelayer(), Clock.systemUTC());
    }

    @Test
    void aJournalThatCannotBeResumedClosesTheClientsAlreadyBuilt() throws Exception {
        Files.writeString(runDir.resolve(CallEngine.JOURNAL), "{\"hand\": \"edited\"}\n");
        List<String> closed = new ArrayList<>();
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        providers.put("one", provider("one"));
        providers.put("two", provider("two"));
        assertThrows(InputException.class, () -> new CallEngine(providers, p -> new ClosingClient(p.name(), closed), 1, Map.of(), runDir, options()));
        assertEquals(List.of("one", "two"), closed);
    }

    @Test
    void aClientThatCannotBeBuiltClosesTheOnesBuiltBeforeIt() {
        List<String> closed = new ArrayList<>();
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        providers.put("one", provider("one"));
        providers.put("two", provider("two"));
        Function<ProviderConfig, LlmClient> clients = p -> {
            if (p.name().equals("two")) throw new IllegalArgumentException("key not set");
            return new ClosingClient(p.name(), closed);
        };
        assertThrows(IllegalArgumentException.class, () -> new CallEngine(providers, clients, 1, Map.of(), runDir, options()));
        assertEquals(List.of("one"), closed);
    }
}
