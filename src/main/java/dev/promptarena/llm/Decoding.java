package dev.promptarena.llm;

/**
 * Decoding settings sent with every request. A null field means "not set": the provider's
 * default applies and the manifest records it as unset.
 */
public record Decoding(Double temperature, Double topP, Integer maxTokens, Long seed) {
    public Decoding {
        if (temperature != null && (temperature < 0 || temperature > 2)) throw new IllegalArgumentException("temperature must be in [0, 2], got: " + temperature);
        if (topP != null && (topP <= 0 || topP > 1)) throw new IllegalArgumentException("top_p must be in (0, 1], got: " + topP);
        if (maxTokens != null && maxTokens < 1) throw new IllegalArgumentException("max_tokens must be >= 1, got: " + maxTokens);
    }

    public static final Decoding UNSET = new Decoding(null, null, null, null);

    /** This decoding with every field that {@code override} sets replaced by the override's value. */
    public Decoding overriddenBy(Decoding override) {
        if (override == null) return this;
        return new Decoding(
                override.temperature != null ? override.temperature : temperature,
                override.topP != null ? override.topP : topP,
                override.maxTokens != null ? override.maxTokens : maxTokens,
                override.seed != null ? override.seed : seed);
    }
}
