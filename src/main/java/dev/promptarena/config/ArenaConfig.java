package dev.promptarena.config;

import dev.promptarena.decision.DecisionPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs, loaded and validated from arena.yaml.
 *
 * @param file       the config file
 * @param sha256     hash of the config file's bytes (manifest)
 * @param name       the arena's name
 * @param dataset    golden set (JSONL or CSV)
 * @param rubric     rubric YAML
 * @param providers  endpoints by name
 * @param a          control variant
 * @param b          candidate variant
 * @param judge      the LLM judge, or null when there is none (reference judge, or a checks-only rubric)
 * @param outputDir  where run directories are created
 * @param policy     the pre-registered decision rule
 * @param prices     model prices (defaults overridden by the config)
 * @param maxAttempts maximum attempts per call (retry layer)
 * @param reference  the reference judge ({@code judge: {type: reference}}), or null
 */
public record ArenaConfig(Path file, String sha256, String name, Path dataset, Path rubric,
                          Map<String, ProviderConfig> providers, VariantConfig a, VariantConfig b,
                          JudgeConfig judge, Path outputDir, DecisionPolicy policy, Map<String, Price> prices,
                          int maxAttempts, ReferenceJudgeConfig reference) {
    public ArenaConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (judge != null && reference != null) throw new IllegalArgumentException("an LLM judge and a reference judge are exclusive");
        providers = Map.copyOf(providers);
        prices = Map.copyOf(prices);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got: " + maxAttempts);
    }

    public ProviderConfig provider(String key) { return providers.get(key); }
}
