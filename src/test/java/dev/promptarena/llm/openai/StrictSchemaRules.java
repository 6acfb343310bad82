package dev.promptarena.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subset of JSON Schema that OpenAI's strict structured outputs accept (platform.openai.com/docs/guides/
 * structured-outputs, "Supported schemas"), held to its strictest published form so a schema passing here is
 * accepted by every model and snapshot that supports strict mode: the root is an object; every object lists
 * all its properties in {@code required} and sets {@code additionalProperties: false}; types are string,
 * number, integer, boolean, object, array, null; only structural keywords, {@code enum}, {@code const},
 * {@code anyOf}, {@code $ref}/{@code $defs} and annotations are used (no minimum/maximum, length, pattern or
 * format constraints, which strict mode rejected at launch); at most 5 levels of nesting and 100 properties.
 */
final class StrictSchemaRules {
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items", "enum", "const",
            "anyOf", "$ref", "$defs", "title", "description");
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array", "null");

    private StrictSchemaRules() {}

    static List<String> violations(JsonNode schema) {
        List<String> out = new ArrayList<>();
        if (!"object".equals(schema.path("type").asText())) out.add("$: the root must be an object");
        int[] properties = {0};
        walk(schema, "$", 1, properties, out);
        if (properties[0] > 100) out.add("$: " + properties[0] + " properties, more than 100");
        return out;
    }

    private static void walk(JsonNode s, String at, int depth, int[] properties, List<String> out) {
        s.fieldNames().forEachRemaining(k -> { if (!KEYWORDS.contains(k)) out.add(at + ": keyword '" + k + "' is not allowed in strict mode"); });
        JsonNode type = s.get("type");
        if (type != null) {
            for (JsonNode t : type.isArray() ? type : List.of(type)) if (!TYPES.contains(t.asText())) out.add(at + ": type " + t);
        }
        if ("object".equals(s.path("type").asText())) {
            if (depth > 5) out.add(at + ": nested deeper than 5 levels");
            if (!s.path("additionalProperties").isBoolean() || s.get("additionalProperties").asBoolean()) {
                out.add(at + ": additionalProperties must be false");
            }
            Set<String> required = new HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (Map.Entry<String, JsonNode> p : (Iterable<Map.Entry<String, JsonNode>>) s.path("properties")::fields) {
                properties[0]++;
                if (!required.contains(p.getKey())) out.add(at + "." + p.getKey() + ": every property must be required");
                walk(p.getValue(), at + "." + p.getKey(), depth + 1, properties, out);
            }
        }
        if (s.has("items")) walk(s.get("items"), at + "[]", depth + 1, properties, out);
        for (JsonNode alt : s.path("anyOf")) walk(alt, at + "|", depth, properties, out);
    }
}
