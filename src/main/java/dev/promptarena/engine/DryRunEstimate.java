package dev.promptarena.engine;

import dev.promptarena.engine.Calls.Role;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run would cost, before it runs.
 *
 * @param calls            calls the run would make (before cache and retries)
 * @param inputTokens      estimated input tokens
 * @param maxOutputTokens  output tokens if every answer used its max_tokens (upper bound; 1024 when unset)
 * @param inputCostUsd     cost of the input tokens
 * @param maxCostUsd       input cost plus the cost of {@code maxOutputTokens}: an upper bound
 * @param callsByRole      calls per role
 * @param methodByModel    how each model's tokens were counted ({@code jtokkit:o200k_base} or {@code chars/4})
 * @param unpricedModels   models without a price (their cost counts as 0)
 * @param batch            batch mode: costs are at the providers' batch prices
 * @param servedByIdentical planned calls not counted above: an identical request the run sends once serves them
 */
public record DryRunEstimate(long calls, long inputTokens, long maxOutputTokens, double inputCostUsd, double maxCostUsd,
                             Map<Role, Long> callsByRole, Map<String, String> methodByModel, Set<String> unpricedModels, boolean batch,
                             long servedByIdentical) {
    public DryRunEstimate {
        callsByRole = Map.copyOf(callsByRole);
        methodByModel = Map.copyOf(methodByModel);
        unpricedModels = Collections.unmodifiableSortedSet(new TreeSet<>(unpricedModels)); // sorted: reports are byte-stable
    }

    /** Human lines for {@code --dry-run}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "calls: %d (A %d, B %d, judge %d) sent, before retries and answers already in the cache%n", calls,
                callsByRole.getOrDefault(Role.A, 0L), callsByRole.getOrDefault(Role.B, 0L), callsByRole.getOrDefault(Role.JUDGE, 0L)));
        if (servedByIdentical > 0) {
            sb.append(String.format(Locale.ROOT, "identical requests: %d more generations (e.g. B sending A's request) are served from"
                    + " one sent answer, not sent or paid%n", servedByIdentical));
        }
        sb.append(String.format(Locale.ROOT, "input tokens: ~%d; output tokens: at most %d%n", inputTokens, maxOutputTokens));
        sb.append(String.format(Locale.ROOT, "cost: ~$%.4f input, at most $%.4f in total%s%n", inputCostUsd, maxCostUsd,
                batch ? " (batch mode: provider batch prices)" : ""));
        methodByModel.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("tokens of ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        if (!unpricedModels.isEmpty()) sb.append("no price for: ").append(String.join(", ", unpricedModels.stream().sorted().toList()))
                .append(" (counted as $0; add them under prices:)\n");
        return sb.toString();
    }
}
