package dev.promptarena.checks;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code type: json_schema}: the output is valid JSON (as for {@link JsonCheck}) that conforms to a
 * JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12; 2020-12 when the schema has no {@code $schema}).
 * The schema is compiled once at rubric load by {@link JsonSchemas}.
 *
 * @param name       check name
 * @param schema     the compiled schema
 * @param source     where the schema came from (file path or "inline"), for reports
 * @param allowFence accept {@code ```json ... ```} around the value
 */
public record JsonSchemaCheck(String name, JsonSchema schema, String source, boolean allowFence) implements TextCheck {
    /** How many violations a failure detail lists; the rest are counted. */
    static final int MAX_LISTED = 3;

    public JsonSchemaCheck {
        Check.requireName(name);
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String type() { return "json_schema"; }

    @Override
    public CheckResult evaluate(String output) {
        JsonText.Parsed parsed = new JsonText(allowFence).parse(output);
        if (!parsed.ok()) return CheckResult.fail(name, parsed.error());
        Set<ValidationMessage> errors;
        try {
            errors = schema.validate(parsed.value());
        } catch (RuntimeException e) {
            return CheckResult.fail(name, "schema validation failed: " + e.getMessage());
        }
        if (errors.isEmpty()) return CheckResult.pass(name, "conforms to " + source);
        String listed = errors.stream().limit(MAX_LISTED).map(ValidationMessage::getMessage).collect(Collectors.joining("; "));
        int more = errors.size() - MAX_LISTED;
        return CheckResult.fail(name, errors.size() + " schema violation(s): " + listed + (more > 0 ? "; and " + more + " more" : ""));
    }
}
