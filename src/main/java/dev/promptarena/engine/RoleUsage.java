package dev.promptarena.engine;

/**
 * Accounting for one role (A, B or JUDGE).
 *
 * @param calls        successful calls (fresh, cached or from the journal)
 * @param inputTokens  input tokens of those calls, as the provider reported them
 * @param outputTokens output tokens of those calls
 * @param costUsd      cost of the calls that were paid for in this run (cache hits are free)
 */
public record RoleUsage(long calls, long inputTokens, long outputTokens, double costUsd) {
    public static final RoleUsage ZERO = new RoleUsage(0, 0, 0, 0);
}
