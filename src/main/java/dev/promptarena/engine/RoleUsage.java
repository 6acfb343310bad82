package dev.promptarena.engine;

/**
 * Accounting for one role (A, B or JUDGE).
 *
 * Tokens follow calls served, money follows calls paid: an answer served to two cases (a cache hit, an identical call
 * waited for, a journal hit on resume) counts its tokens for each and its cost once. So a resume, which serves from one
 * journal line every case an uninterrupted run served from the cache, reports that run's tokens and cost
 * (DuplicateCasesResumeTest). Tokens billed without an answer are counted once, where they were paid, as their cost is.
 *
 * @param calls        successful calls (fresh, cached or from the journal)
 * @param inputTokens  input tokens of those calls, as the provider reported them, plus those billed without an answer
 * @param outputTokens output tokens of those calls, likewise
 * @param costUsd      cost of the calls that were paid for in this run (cache hits are free)
 */
public record RoleUsage(long calls, long inputTokens, long outputTokens, double costUsd) {
    public static final RoleUsage ZERO = new RoleUsage(0, 0, 0, 0);
}
