package dev.promptarena.testing;

import dev.promptarena.engine.Calls;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link Calls} for tests: answers every request with a scripted function and records what was
 * asked, so tests can assert on the exact requests (OkHttp MockWebServer style, without HTTP).
 */
public final class ScriptedCalls implements Calls {
    /** One recorded call. */
    public record Recorded(String provider, LlmRequest request, Role role) {}

    private final Function<Recorded, CompletableFuture<LlmResponse>> script;
    private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());

    public ScriptedCalls(Function<Recorded, CompletableFuture<LlmResponse>> script) { this.script = script; }

    /** Answers with text, finishing normally. */
    public static CompletableFuture<LlmResponse> reply(String text) { return reply(text, "stop"); }

    /** Answers with text and a finish reason ("length" = cut off at the token limit, "refusal"). */
    public static CompletableFuture<LlmResponse> reply(String text, String finishReason) {
        return CompletableFuture.completedFuture(new LlmResponse(text, "scripted", null, new Usage(10, 10), finishReason, 1, 1, false));
    }

    @Override
    public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
        Recorded r = new Recorded(providerKey, request, role);
        recorded.add(r);
        return script.apply(r);
    }

    /** The calls made so far, in order. */
    public List<Recorded> recorded() { synchronized (recorded) { return List.copyOf(recorded); } }

    /** The calls made for {@code role}. */
    public List<Recorded> recorded(Role role) { return recorded().stream().filter(r -> r.role() == role).toList(); }

    @Override
    public void close() { }
}
