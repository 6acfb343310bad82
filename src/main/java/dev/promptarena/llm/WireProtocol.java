package dev.promptarena.llm;

/**
 * One wire protocol (the {@code type:} of a provider in arena.yaml): everything the rest of the code
 * knows about it. Each protocol's package has one implementation, listed once in {@link WireProtocols};
 * config validation, the client factory and the call engine ask the registry instead of naming types.
 */
public interface WireProtocol {
    /** The {@code type:} value, e.g. {@code openai}. */
    String type();

    /** The base URL when the config gives none, or null when the config must give one (ignored when not {@link #remote()}). */
    String defaultBaseUrl();

    /**
     * False for an in-process protocol (the simulator): it needs no base URL, and its replies are not
     * cached, because they are free, instant and deterministic, and a cache would only serve stale
     * answers after a change to the simulator.
     */
    default boolean remote() { return true; }

    /**
     * Builds the client. {@code factory} gives the API key (looked up only when called, so a protocol
     * without keys never fails on a missing one), the per-attempt timeout and the clock.
     */
    LlmClient create(ProviderConfig provider, ClientFactory factory);

    /**
     * The vendor's published list prices of its well-known models, USD per million tokens, matched by
     * exact name then longest prefix ({@code engine.PriceTable}); the config's {@code prices:} wins over
     * them. Empty for a wire that many vendors speak. Token counting is deliberately not a protocol hook:
     * a tokenizer belongs to the model family, not the wire (an OpenAI-compatible server may serve Llama),
     * so {@link TokenCounter} goes by model name.
     */
    default java.util.Map<String, Price> listPrices() { return java.util.Map.of(); }

    /**
     * The provider's batch endpoint, or null when the protocol has none (the run then refuses batch mode
     * for it). Same key, timeout and clock as {@link #create}.
     */
    default BatchApi batch(ProviderConfig provider, ClientFactory factory) { return null; }

    /**
     * Checks the provider's {@code options:} when the config is read (so {@code validate} finds a bad one and {@code run}
     * creates nothing); throws IllegalArgumentException with the problem in words. Default: nothing to check.
     */
    default void checkOptions(java.util.Map<String, String> options) {}

    /** The share of the list price a batch request saves (OpenAI and Anthropic: 0.5); {@code options.batch_discount} overrides it. */
    default double batchDiscount() { return 0.0; }
}
