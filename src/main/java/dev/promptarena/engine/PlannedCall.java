package dev.promptarena.engine;

import dev.promptarena.llm.LlmRequest;
import java.util.Objects;

/**
 * A call a run would make, for the dry-run estimate.
 *
 * @param role             A, B or JUDGE
 * @param request          the request as it would be sent
 * @param extraInputTokens tokens not in the request yet — for a judge call, the A and B answers
 *                         that will be pasted into its prompt (e.g. both variants' max_tokens)
 */
public record PlannedCall(Calls.Role role, LlmRequest request, long extraInputTokens) {
    public PlannedCall {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(request, "request");
        if (extraInputTokens < 0) throw new IllegalArgumentException("extraInputTokens must be >= 0, got: " + extraInputTokens);
    }

    public PlannedCall(Calls.Role role, LlmRequest request) { this(role, request, 0); }
}
