package dev.promptarena.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Messages API as JSON Schemas derived from the TypeScript types of Anthropic's official SDK
 * (src/test/resources/anthropic/README.md: package version, licence, how it was derived).
 */
final class AnthropicSpec {
    static final JsonNode SPEC = load();

    private AnthropicSpec() {}

    private static JsonNode load() {
        try (InputStream in = AnthropicSpec.class.getResourceAsStream("/anthropic/messages-api.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named type ({@code MessageCreateParamsNonStreaming}, {@code Message}, {@code Tool}...), its references resolvable. */
    static JsonSchema schema(String type) {
        if (!SPEC.path("definitions").has(type)) throw new IllegalArgumentException("no type " + type + " in messages-api.json");
        ObjectNode root = SPEC.deepCopy();
        root.put("$ref", "#/definitions/" + type);
        JsonSchema schema = JsonSchemaFactory.getInstance(VersionFlag.V7)
                .getSchema(SchemaLocation.of("https://anthropic.test/messages-api.json"), root, SchemaValidatorsConfig.builder().build());
        schema.initializeValidators();
        return schema;
    }

    /** Violations of {@code body} against the type, as readable lines (empty when it conforms). */
    static List<String> violations(JsonSchema schema, JsonNode body) {
        return schema.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
