package dev.promptarena.judge;

import java.util.Map;
import java.util.Objects;

/**
 * A judge reply in presented terms (slot "A" = the response shown first).
 *
 * @param winner       "A", "B" or "tie" (presented positions)
 * @param scoresFirst  per-axis scores of the first-shown response (may be empty if the judge gave none)
 * @param scoresSecond per-axis scores of the second-shown response
 * @param reason       the judge's stated reason
 */
public record ParsedVerdict(String winner, Map<String, Integer> scoresFirst, Map<String, Integer> scoresSecond, String reason) {
    public ParsedVerdict {
        Objects.requireNonNull(winner, "winner");
        if (!winner.equals("A") && !winner.equals("B") && !winner.equals("tie")) throw new IllegalArgumentException("winner must be A, B or tie, got: " + winner);
        scoresFirst = Map.copyOf(scoresFirst);
        scoresSecond = Map.copyOf(scoresSecond);
        reason = reason == null ? "" : reason;
    }
}
