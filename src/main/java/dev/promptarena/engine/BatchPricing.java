package dev.promptarena.engine;

import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.WireProtocol;
import dev.promptarena.llm.WireProtocols;

/** The price of a batch request: the list price times 1 - the provider's batch discount. */
public final class BatchPricing {
    private BatchPricing() {}

    /**
     * Share of the list price a batch request to {@code provider} costs: 1 - {@code options.batch_discount} when set
     * (validated in [0, 1) by the config), else 1 - the protocol's documented discount (OpenAI, Anthropic: 0.5).
     */
    public static double factor(ProviderConfig provider) {
        String configured = provider.options().get("batch_discount");
        double discount = configured != null ? Double.parseDouble(configured)
                : WireProtocols.find(provider.type()).map(WireProtocol::batchDiscount).orElse(0.0);
        return 1.0 - discount;
    }
}
