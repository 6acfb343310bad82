package dev.promptarena.engine;

import dev.promptarena.llm.http.Delayer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How the engine runs, beyond what arena.yaml says.
 *
 * @param cacheDir    the shared response cache, or null when caching is off ({@code --no-cache})
 * @param maxCostUsd  stop issuing calls before this spend, or null for no cap ({@code --max-cost})
 * @param backoffBase first retry backoff before jitter
 * @param backoffCap  longest backoff before jitter
 * @param delayer     how retry and rate-limit waits happen; null = the engine's scheduler (tests inject an instant one)
 * @param clock       wall clock for Retry-After dates, rate buckets and the journal
 * @param journalRoom fault injection: bytes the journal may grow by before its writes fail as on a full disk
 *                    (part of the line written, then "No space left on device"); null = the real disk's limits
 * @param batch       provider batch APIs ({@code run --batch}, issue 21), or null for synchronous calls
 */
public record EngineOptions(Path cacheDir, Double maxCostUsd, Duration backoffBase, Duration backoffCap,
                            Delayer delayer, Clock clock, Long journalRoom, BatchOptions batch) {
    /** Synchronous calls. */
    public EngineOptions(Path cacheDir, Double maxCostUsd, Duration backoffBase, Duration backoffCap, Delayer delayer, Clock clock,
                         Long journalRoom) {
        this(cacheDir, maxCostUsd, backoffBase, backoffCap, delayer, clock, journalRoom, null);
    }

    /** Without fault injection. */
    public EngineOptions(Path cacheDir, Double maxCostUsd, Duration backoffBase, Duration backoffCap, Delayer delayer, Clock clock) {
        this(cacheDir, maxCostUsd, backoffBase, backoffCap, delayer, clock, null);
    }

    public EngineOptions {
        if (maxCostUsd != null && !(maxCostUsd >= 0)) throw new IllegalArgumentException("max cost must be >= 0, got: " + maxCostUsd);
        backoffBase = backoffBase == null ? Duration.ofMillis(500) : backoffBase;
        backoffCap = backoffCap == null ? Duration.ofSeconds(30) : backoffCap;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Defaults with the cache at {@code $PROMPT_ARENA_CACHE_DIR}, else {@code $XDG_CACHE_HOME/prompt-arena},
     * else {@code ~/.cache/prompt-arena}.
     *
     * @param env the environment the CLI was given
     */
    public static EngineOptions defaults(Map<String, String> env) {
        return new EngineOptions(defaultCacheDir(env), null, null, null, null, null);
    }

    public static Path defaultCacheDir(Map<String, String> env) {
        String explicit = env.get("PROMPT_ARENA_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "prompt-arena");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "prompt-arena");
    }

    public EngineOptions withCacheDir(Path dir) { return new EngineOptions(dir, maxCostUsd, backoffBase, backoffCap, delayer, clock, journalRoom, batch); }

    /** {@code --no-cache}: neither read nor write the shared cache (the journal still works). */
    public EngineOptions withoutCache() { return withCacheDir(null); }

    public EngineOptions withMaxCostUsd(Double usd) { return new EngineOptions(cacheDir, usd, backoffBase, backoffCap, delayer, clock, journalRoom, batch); }

    public EngineOptions withBackoff(Duration base, Duration cap) { return new EngineOptions(cacheDir, maxCostUsd, base, cap, delayer, clock, journalRoom, batch); }

    public EngineOptions withDelayer(Delayer d) { return new EngineOptions(cacheDir, maxCostUsd, backoffBase, backoffCap, d, clock, journalRoom, batch); }

    public EngineOptions withClock(Clock c) { return new EngineOptions(cacheDir, maxCostUsd, backoffBase, backoffCap, delayer, c, journalRoom, batch); }

    /** Makes journal writes fail once the journal has grown by {@code bytes}, as on a full disk (tests). */
    public EngineOptions withJournalRoom(Long bytes) { return new EngineOptions(cacheDir, maxCostUsd, backoffBase, backoffCap, delayer, clock, bytes, batch); }

    /** Batch mode with {@code b}, or synchronous calls when null. */
    public EngineOptions withBatch(BatchOptions b) { return new EngineOptions(cacheDir, maxCostUsd, backoffBase, backoffCap, delayer, clock, journalRoom, b); }
}
