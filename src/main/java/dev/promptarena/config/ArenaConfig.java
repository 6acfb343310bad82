package dev.promptarena.config;

import dev.promptarena.llm.Price;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.llm.ProviderConfig;
import java.nio.file.Path;
import java.util.List;
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
 * @param judges     the LLM judge panel (one entry for a single {@code judge:}; ids are unique), or empty when
 *                   there is none (reference judge, or a checks-only rubric)
 * @param outputDir  where run directories are created
 * @param policy     the pre-registered decision rule
 * @param prices     model prices (defaults overridden by the config)
 * @param maxAttempts maximum attempts per call (retry layer)
 * @param reference  the reference judge ({@code judge: {type: reference}}), or null
 * @param families   model id to family overrides ({@code families:}), for the self-preference check
 * @param emptyReplyIsError {@code engine.empty_reply}: an empty or missing model reply counts as a generation
 *                   error (default), rather than an answer the judge compares
 * @param tournament more than two variants ({@code variants:} with named entries and {@code tournament:}), or null for
 *                   the two-variant A/B config; when set, {@code a} is its control and {@code b} its first candidate
 * @param batch      {@code engine.mode} and {@code engine.batch_retry} (provider batch APIs, issue 21)
 * @param warnings   what is valid but likely a mistake, each naming file, line and key ({@code validate} and {@code run}
 *                   print them); not part of the config's meaning or of any cache key
 */
public record ArenaConfig(Path file, String sha256, String name, Path dataset, Path rubric,
                          Map<String, ProviderConfig> providers, VariantConfig a, VariantConfig b,
                          List<JudgeConfig> judges, Path outputDir, DecisionPolicy policy, Map<String, Price> prices,
                          int maxAttempts, ReferenceJudgeConfig reference, Map<String, String> families,
                          boolean emptyReplyIsError, TournamentConfig tournament, BatchSettings batch, List<String> warnings) {
    /** Without warnings. */
    public ArenaConfig(Path file, String sha256, String name, Path dataset, Path rubric, Map<String, ProviderConfig> providers,
                       VariantConfig a, VariantConfig b, List<JudgeConfig> judges, Path outputDir, DecisionPolicy policy,
                       Map<String, Price> prices, int maxAttempts, ReferenceJudgeConfig reference, Map<String, String> families,
                       boolean emptyReplyIsError, TournamentConfig tournament, BatchSettings batch) {
        this(file, sha256, name, dataset, rubric, providers, a, b, judges, outputDir, policy, prices, maxAttempts, reference, families,
                emptyReplyIsError, tournament, batch, List.of());
    }

    /** Synchronous calls (no {@code engine.mode}). */
    public ArenaConfig(Path file, String sha256, String name, Path dataset, Path rubric, Map<String, ProviderConfig> providers,
                       VariantConfig a, VariantConfig b, List<JudgeConfig> judges, Path outputDir, DecisionPolicy policy,
                       Map<String, Price> prices, int maxAttempts, ReferenceJudgeConfig reference, Map<String, String> families,
                       boolean emptyReplyIsError, TournamentConfig tournament) {
        this(file, sha256, name, dataset, rubric, providers, a, b, judges, outputDir, policy, prices, maxAttempts, reference, families,
                emptyReplyIsError, tournament, BatchSettings.SYNC);
    }

    /** A two-variant (A/B) config. */
    public ArenaConfig(Path file, String sha256, String name, Path dataset, Path rubric, Map<String, ProviderConfig> providers,
                       VariantConfig a, VariantConfig b, List<JudgeConfig> judges, Path outputDir, DecisionPolicy policy,
                       Map<String, Price> prices, int maxAttempts, ReferenceJudgeConfig reference, Map<String, String> families,
                       boolean emptyReplyIsError) {
        this(file, sha256, name, dataset, rubric, providers, a, b, judges, outputDir, policy, prices, maxAttempts, reference, families,
                emptyReplyIsError, null);
    }

    public ArenaConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        judges = judges == null ? List.of() : List.copyOf(judges);
        if (!judges.isEmpty() && reference != null) throw new IllegalArgumentException("an LLM judge and a reference judge are exclusive");
        families = families == null ? Map.of() : Map.copyOf(families);
        providers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers)); // config order: tables list providers as written, the same in every JVM
        prices = Map.copyOf(prices);
        batch = batch == null ? BatchSettings.SYNC : batch;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got: " + maxAttempts);
    }

    /** This config with {@code a} and {@code b} replaced (one pairing of a tournament, as a two-variant config). */
    public ArenaConfig withPair(VariantConfig a, VariantConfig b) {
        return new ArenaConfig(file, sha256, name, dataset, rubric, providers, a, b, judges, outputDir, policy, prices, maxAttempts,
                reference, families, emptyReplyIsError, tournament, batch, warnings);
    }

    /** This config with batch mode switched on or off ({@code run --batch}). */
    public ArenaConfig withBatch(boolean on) {
        return new ArenaConfig(file, sha256, name, dataset, rubric, providers, a, b, judges, outputDir, policy, prices, maxAttempts,
                reference, families, emptyReplyIsError, tournament, batch.withEnabled(on), warnings);
    }

    public ProviderConfig provider(String key) { return providers.get(key); }

    /** Every variant the config generates with: a tournament's, control first (its {@code a} and {@code b} are only the first two), else A and B. */
    public List<VariantConfig> variants() { return tournament == null ? List.of(a, b) : tournament.variants(); }

    /** The first (for a single {@code judge:}, the only) LLM judge, or null when there is none; its order and seed are the panel's. */
    public JudgeConfig judge() { return judges.isEmpty() ? null : judges.get(0); }
}
