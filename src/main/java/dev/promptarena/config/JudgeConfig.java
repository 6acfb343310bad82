package dev.promptarena.config;

import dev.promptarena.llm.Decoding;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The pairwise judge.
 *
 * @param provider  key of the provider that serves the judge
 * @param model     judge model id
 * @param order     how the A/B presentation order is chosen
 * @param seed      seed of the order assignment (replayable)
 * @param decoding  judge decoding (temperature 0 by default)
 * @param template  a user-supplied Mustache judge template, or null for the built-in one
 * @param samples   how many times the judge is asked per pair and order (majority is used)
 */
public record JudgeConfig(String provider, String model, Order order, long seed, Decoding decoding,
                          Path template, int samples) {
    /** Presentation order policy. */
    public enum Order { RANDOM, BOTH }

    public JudgeConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(order, "order");
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, got: " + samples);
    }
}
