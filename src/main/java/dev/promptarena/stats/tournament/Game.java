package dev.promptarena.stats.tournament;

import java.util.Objects;

/**
 * One judged comparison: variant {@code first} was shown in the first slot, {@code second} in the second.
 * Variants are indices 0..k-1; the caller keeps their names.
 *
 * @param caseId the golden case (the cluster the bootstrap resamples)
 * @param first  variant shown first
 * @param second variant shown second
 * @param result the verdict in presentation terms
 */
public record Game(String caseId, int first, int second, GameResult result) {
    public Game {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(result, "result");
        if (first < 0 || second < 0) throw new IllegalArgumentException("variant indices must be >= 0, got: " + first + ", " + second);
        if (first == second) throw new IllegalArgumentException("a variant cannot play itself, got: " + first);
    }
}
