package dev.promptarena.config;

import dev.promptarena.llm.Decoding;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One prompt variant under test.
 *
 * @param slot        "A" (control) or "B" (candidate)
 * @param name        human name, e.g. "baseline"
 * @param provider    key of the provider that serves it
 * @param model       model id
 * @param system      system prompt text (already read from a file if one was named)
 * @param userTemplate user message template with {{field}} placeholders over the case's fields
 * @param decoding    effective decoding (shared settings with this variant's overrides applied)
 * @param overridden  names of the decoding fields this variant overrides (reported)
 * @param responses   recorded outputs to evaluate instead of calling a model, or null
 */
public record VariantConfig(String slot, String name, String provider, String model, String system,
                            String userTemplate, Decoding decoding, List<String> overridden, Path responses) {
    public VariantConfig {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(userTemplate, "userTemplate");
        overridden = List.copyOf(overridden);
    }
}
