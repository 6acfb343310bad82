package dev.promptarena.config;

import dev.promptarena.llm.Decoding;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One judge (a single {@code judge:} or one entry of a {@code judges:} panel).
 *
 * @param id         the judge's id in traces and reports: its {@code name}, else its model id; unique in a panel
 * @param provider   key of the provider that serves the judge
 * @param model      judge model id
 * @param order      how the A/B presentation order is chosen (shared by the whole panel)
 * @param seed       seed of the order assignment (replayable; shared by the panel so every judge sees the same order)
 * @param decoding   judge decoding (temperature 0 and 1024 tokens by default)
 * @param template   a user-supplied Mustache judge template, or null for the built-in one
 * @param samples    how many times the judge is asked per pair and order (the majority is used)
 * @param structured send the verdict JSON schema as structured output (off for servers that reject response_format)
 * @param balanceBy  the tag key whose segments the presentation order is balanced within ({@code judge.balance_by},
 *                   shared by the panel), or null for the default: the alphabetically first tag key of the cases
 */
public record JudgeConfig(String id, String provider, String model, Order order, long seed, Decoding decoding,
                          Path template, int samples, boolean structured, BalanceBy balanceBy) {
    /** Presentation order policy. */
    public enum Order { RANDOM, BOTH }

    /**
     * {@code judge.balance_by}: a tag key, with the config line it was given on, so that a key no case has can be
     * reported at that line once the golden set is read.
     */
    public record BalanceBy(String tagKey, int line) {
        public BalanceBy {
            Objects.requireNonNull(tagKey, "tagKey");
            if (tagKey.isBlank()) throw new IllegalArgumentException("balance_by must name a tag key");
        }
    }

    /** A judge balanced by the default tag key. */
    public JudgeConfig(String id, String provider, String model, Order order, long seed, Decoding decoding, Path template, int samples,
                       boolean structured) {
        this(id, provider, model, order, seed, decoding, template, samples, structured, null);
    }

    public JudgeConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(decoding, "decoding");
        if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, got: " + samples);
    }

    /** This judge with another order seed (the {@code --seed} override). */
    public JudgeConfig withSeed(long newSeed) {
        return new JudgeConfig(id, provider, model, order, newSeed, decoding, template, samples, structured, balanceBy);
    }
}
