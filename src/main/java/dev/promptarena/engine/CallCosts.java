package dev.promptarena.engine;

import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;

/**
 * What an answered call cost at the price table: the synchronous path and the batch lane (before its discount) price
 * an answer the same way, so a batch run's spend and a synchronous run's are comparable. A model without a price costs
 * 0 and is counted, so the report can say which spend it could not see.
 */
final class CallCosts {
    private final PriceTable prices;
    private final Counters counters;

    CallCosts(PriceTable prices, Counters counters) {
        this.prices = prices;
        this.counters = counters;
    }

    /** The list-price cost of {@code response}: the requested model's price, else the answering model's. */
    double of(LlmRequest request, LlmResponse response) { return of(request, response.usage(), response.model()); }

    /** The list-price cost of {@code usage} (an answer's, or an attempt billed without one) that {@code answering} reported. */
    double of(LlmRequest request, Usage usage, String answering) {
        String model = prices.price(request.model()).isPresent() ? request.model() : answering;
        if (model == null || prices.price(model).isEmpty()) {
            counters.unpriced(request.model());
            return 0.0;
        }
        return prices.cost(model, usage.inputTokens(), usage.outputTokens());
    }
}
