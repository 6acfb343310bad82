package dev.promptarena.engine;

import dev.promptarena.llm.Price;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.TokenCounter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Estimates a run's calls, tokens and cost without making a call ({@code --dry-run}).
 * Chat framing is counted as OpenAI documents it for its chat models: about 3 tokens per
 * message plus 3 to prime the reply.
 */
public final class DryRunEstimator {
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;

    private final PriceTable prices;

    /** @param priceOverrides the config's {@code prices:} (defaults cover well-known models) */
    public DryRunEstimator(Map<String, Price> priceOverrides) { this.prices = new PriceTable(priceOverrides); }

    public DryRunEstimate estimate(List<PlannedCall> calls) { return estimate(calls, 0); }

    /** @param served planned calls left out of {@code calls} because an identical call serves them (sent once) */
    public DryRunEstimate estimate(List<PlannedCall> calls, long served) {
        long input = 0;
        long output = 0;
        double inputCost = 0;
        double maxCost = 0;
        Map<Role, Long> byRole = new EnumMap<>(Role.class);
        Map<String, String> methods = new TreeMap<>();
        Set<String> unpriced = new HashSet<>();
        for (PlannedCall c : calls) {
            LlmRequest r = c.request();
            long in = inputTokens(r) + c.extraInputTokens();
            Integer max = r.decoding().maxTokens();
            long out = max == null ? 1024 : max;
            input += in;
            output += out;
            byRole.merge(c.role(), 1L, Long::sum);
            methods.put(r.model(), TokenCounter.method(r.model()));
            Optional<Price> p = prices.price(r.model());
            if (p.isEmpty()) {
                unpriced.add(r.model());
            } else {
                inputCost += c.priceFactor() * p.get().cost(in, 0);
                maxCost += c.priceFactor() * p.get().cost(in, out);
            }
        }
        boolean batch = calls.stream().anyMatch(c -> c.priceFactor() < 1.0);
        return new DryRunEstimate(calls.size(), input, output, inputCost, maxCost, byRole, methods, unpriced, batch, served);
    }

    /** Input tokens of one request, framing included. */
    public long inputTokens(LlmRequest r) {
        long n = REPLY_PRIMING;
        if (r.system() != null) n += PER_MESSAGE + TokenCounter.estimate(r.model(), r.system()).tokens();
        for (ChatMessage m : r.messages()) n += PER_MESSAGE + TokenCounter.estimate(r.model(), m.content()).tokens();
        return n;
    }
}
