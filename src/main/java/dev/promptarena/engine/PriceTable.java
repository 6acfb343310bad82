package dev.promptarena.engine;

import dev.promptarena.llm.Price;
import dev.promptarena.llm.WireProtocols;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Model prices in USD per million input/output tokens: the list prices each wire protocol registers
 * (OpenAI's and Anthropic's, 2025 — check before trusting a bill to them),
 * overridden by the config's {@code prices:}. Lookup is exact first, then the longest
 * configured prefix, so {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}; a vendor-prefixed
 * name as routers write it ({@code openai/gpt-4o} on OpenRouter) is then priced by its base model
 * ({@code gpt-4o}), the vendor's list price, which routers pass through or approximate.
 */
public final class PriceTable implements CostModel {
    /** Defaults: each wire protocol's list prices ({@link WireProtocols#listPrices()}); the config's {@code prices:} wins over these. */
    public static final Map<String, Price> DEFAULTS = WireProtocols.listPrices();

    private final Map<String, Price> prices;

    public PriceTable(Map<String, Price> overrides) {
        Map<String, Price> m = new LinkedHashMap<>(DEFAULTS);
        if (overrides != null) m.putAll(overrides);
        this.prices = Map.copyOf(m);
    }

    /** The price of {@code model}, or empty when unknown (cost is then reported as 0 and the model listed as unpriced). */
    public Optional<Price> price(String model) {
        if (model == null) return Optional.empty();
        Price exact = prices.get(model);
        if (exact != null) return Optional.of(exact);
        String best = null;
        for (String k : prices.keySet()) {
            if (model.startsWith(k) && (best == null || k.length() > best.length())) best = k;
        }
        if (best != null) return Optional.of(prices.get(best));
        int slash = model.lastIndexOf('/');
        return slash >= 0 && slash < model.length() - 1 ? price(model.substring(slash + 1)) : Optional.empty();
    }

    /** {@link CostModel}: the cost of a response's usage (0 for an unpriced model). */
    @Override
    public double cost(String model, dev.promptarena.llm.Usage usage) {
        return cost(model, usage.inputTokens(), usage.outputTokens());
    }

    public double cost(String model, long inputTokens, long outputTokens) {
        return price(model).map(p -> p.cost(inputTokens, outputTokens)).orElse(0.0);
    }
}
