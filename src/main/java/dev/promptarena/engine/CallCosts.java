package dev.promptarena.engine;

import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;

/**
 * What an answered call cost at the price table: the synchronous path and the batch lane (before its discount) price
 * an answer the same way, so a batch run's spend and a synchronous run's are comparable. A model without a price costs
 * 0 and is counted, so the report can say which spend it could not see.
 * <p>The price is the requested model's, never the answering model's: the budget reserves a call's worst case at the
 * requested model before it is sent, the case's cost, the dry run, validate's table and --max-cost's warning all price
 * the variant's (or judge's) model. Falling back to the answering model's price when the requested one had none (an
 * alias answered as a listed model) charged engine.json what every case reported at $0, and settled money the budget
 * had reserved nothing for, so the spend passed --max-cost (UnpricedAliasCostTest).
 */
final class CallCosts {
    private final PriceTable prices;
    private final Counters counters;

    CallCosts(PriceTable prices, Counters counters) {
        this.prices = prices;
        this.counters = counters;
    }

    /** The list-price cost of {@code response} at the requested model's price. */
    double of(LlmRequest request, LlmResponse response) { return of(request, response.usage()); }

    /** The list-price cost of {@code usage} (an answer's, or an attempt billed without one) at the requested model's price. */
    double of(LlmRequest request, Usage usage) {
        if (prices.price(request.model()).isEmpty()) {
            counters.unpriced(request.model());
            return 0.0;
        }
        return prices.cost(request.model(), usage.inputTokens(), usage.outputTokens());
    }
}
