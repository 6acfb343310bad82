package dev.promptarena.stats;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the statistics need about one (case, repeat): both sides and every judge vote.
 * Repeats of a case share {@code caseId} and are treated as a cluster.
 *
 * @param caseId       golden case id (cluster key)
 * @param repeat       repeat index (0 unless --repeats)
 * @param tags         segment tags
 * @param a            variant A's output
 * @param b            variant B's output
 * @param votes        judge votes (both orders, samples and panel members); empty if not judged
 * @param judgeCostUsd cost of judging this pair
 */
public record CaseOutcome(String caseId, int repeat, Map<String, String> tags, Side a, Side b,
                          List<Vote> votes, double judgeCostUsd) {
    public CaseOutcome {
        Objects.requireNonNull(caseId, "caseId");
        tags = Map.copyOf(tags);
        votes = List.copyOf(votes);
    }
}
