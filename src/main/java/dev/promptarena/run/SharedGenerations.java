package dev.promptarena.run;

import dev.promptarena.engine.Calls;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tournament's generations, each made once and shared by every pairing its variant plays in. The engine alone does
 * not share them within a run: its journal serves only calls completed in an earlier session, its cache is optional
 * and written in the background, and the journal is keyed by role, which changes when a variant plays A in one pairing
 * and B in another. So generations are keyed here by (provider, request) and sent once, always under the variant's
 * own role (the control's A, every candidate's B), which keeps the journal's role stable for resume.
 */
final class SharedGenerations {
    private record Key(String provider, LlmRequest request) {}

    private final Calls calls;
    private final Map<Key, CompletableFuture<LlmResponse>> sent = new ConcurrentHashMap<>();

    SharedGenerations(Calls calls) { this.calls = calls; }

    /**
     * The calls of one pairing: judge calls pass through; a generation of the A (B) slot is made, once, under
     * {@code roleOfA} ({@code roleOfB}).
     */
    Calls forPairing(Calls.Role roleOfA, Calls.Role roleOfB) {
        return new Calls() {
            @Override
            public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
                if (role == Role.JUDGE) return calls.call(providerKey, request, role);
                Role own = role == Role.A ? roleOfA : roleOfB;
                return sent.computeIfAbsent(new Key(providerKey, request), k -> calls.call(providerKey, request, own));
            }

            @Override
            public void close() {
                // the shared engine is closed by the tournament, after its last pairing
            }
        };
    }

    /** Distinct generations requested so far (each sent at most once). */
    int distinct() { return sent.size(); }
}
