package dev.promptarena.llm.openai;

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

/** OpenAI's published chat-completions description (src/test/resources/openai/README.md) as JSON Schemas. */
final class OpenAiSpec {
    static final JsonNode SPEC = load();

    private OpenAiSpec() {}

    private static JsonNode load() {
        try (InputStream in = OpenAiSpec.class.getResourceAsStream("/openai/openapi-chat.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named component schema, with the document around it so its #/components/... references resolve. */
    static JsonSchema schema(String component) {
        ObjectNode root = SPEC.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + component);
        // The description writes OpenAPI 3.0's nullable: true for optional values; honour it as its authors intend.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(VersionFlag.V202012).getSchema(SchemaLocation.of("https://openai.test/openapi-chat.json"), root, config);
        schema.initializeValidators();
        return schema;
    }

    /** Violations of {@code body} against the component, as readable lines (empty when it conforms). */
    static List<String> violations(JsonSchema schema, JsonNode body) {
        return schema.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
