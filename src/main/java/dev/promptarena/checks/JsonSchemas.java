package dev.promptarena.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.SchemaLoader;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles a JSON Schema for {@link JsonSchemaCheck}, rejecting bad schemas at rubric load instead
 * of failing every response later. A schema is bad when it does not validate against its draft's
 * meta-schema (shipped inside the validator jar, so no network) or when a {@code $ref} cannot be
 * resolved. Remote {@code http(s)} references are refused: runs must be reproducible offline.
 */
public final class JsonSchemas {
    private JsonSchemas() {}

    /**
     * @param schema  the schema document
     * @param baseUri where relative {@code $ref}s resolve from (the schema file, or the rubric file for inline schemas)
     * @throws IllegalArgumentException with a readable reason when the schema is unusable
     */
    public static JsonSchema compile(JsonNode schema, URI baseUri) {
        if (!schema.isObject() && !schema.isBoolean()) {
            throw new IllegalArgumentException("a JSON Schema must be an object or a boolean, got " + schema.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        VersionFlag version;
        try {
            version = SpecVersionDetector.detectOptionalVersion(schema, false).orElse(VersionFlag.V202012);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unsupported $schema: " + e.getMessage());
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
                b -> b.schemaLoaders(loaders -> loaders.values(list -> list.add(0, REFUSE_REMOTE))));
        try {
            Set<ValidationMessage> problems = factory.getSchema(SchemaLocation.of(version.getId())).validate(schema);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("not a valid JSON Schema (" + version.getId() + "): "
                        + problems.stream().limit(3).map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
            }
            JsonSchema compiled = factory.getSchema(SchemaLocation.of(baseUri.toString()), schema);
            compiled.initializeValidators(); // resolves every $ref now, so a dangling one is a load error
            return compiled;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot compile JSON Schema: " + e.getMessage());
        }
    }

    // Placed first among the loaders so a remote $ref fails loudly instead of reaching the network.
    // Meta-schema IRIs never get here: the factory maps them to classpath resources beforehand.
    private static final SchemaLoader REFUSE_REMOTE = iri -> {
        String scheme = AbsoluteIri.getScheme(iri.toString());
        if ("http".equals(scheme) || "https".equals(scheme)) {
            throw new IllegalArgumentException("remote $ref not allowed (runs are offline): " + iri
                    + "; save the schema next to the rubric and refer to it by a relative path");
        }
        return null;
    };
}
