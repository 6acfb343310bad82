package dev.promptarena.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Tokens a provider billed for an attempt that did not give an answer (a 200 whose body parsed, said what it used, but
 * had no usable reply): the retry layer hands them to the engine, which prices them like an answer.
 *
 * @param usage the tokens the reply reported
 * @param model the model the reply named, or null (for the record: the engine prices every attempt at the requested
 *              model, see CallCosts)
 */
public record BilledUsage(Usage usage, String model) {
    public BilledUsage {
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * The billed usage of a reply {@code body}, or null when it has no {@code usage} object (then the attempt's cost is not
     * known and it is left unbilled, as a failure always was).
     */
    public static BilledUsage of(JsonNode body, String inputField, String outputField) {
        JsonNode usage = body.path("usage");
        if (!usage.isObject()) return null;
        return new BilledUsage(new Usage(Math.max(0, usage.path(inputField).asLong(0)), Math.max(0, usage.path(outputField).asLong(0))),
                body.path("model").asText(null));
    }
}
