package dev.promptarena.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import dev.promptarena.llm.TokenCounter;
import dev.promptarena.similarity.Embedders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one entry of a rubric's {@code checks:} list. Every problem is an {@link InputException}
 * naming the rubric file, the line and the key ({@code checks[2].pattern}).
 */
public final class CheckParser {
    /** The {@code type:} values, in the order docs/checks.md lists them. */
    public static final List<String> TYPES = List.of("regex", "not_regex", "contains_any", "contains_all",
            "json", "json_schema", "length", "refusal", "similarity");

    // Names become CSV columns and JSON keys in reports, so keep them plain.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode rubricTree;
    private final boolean embedderAvailable;

    /**
     * @param rubricTree        the rubric parsed by Jackson, used for inline {@code schema:} values so
     *                          YAML scalars keep their types (numbers stay numbers)
     * @param embedderAvailable whether an {@link dev.promptarena.similarity.Embedder} is on the classpath
     */
    public CheckParser(JsonNode rubricTree, boolean embedderAvailable) {
        this.rubricTree = rubricTree;
        this.embedderAvailable = embedderAvailable;
    }

    /** Parses {@code checks[index]}. */
    public Check parse(YamlNode node, int index) {
        String type = node.require("type").oneOf(TYPES.toArray(String[]::new));
        YamlNode nameNode = node.require("name");
        String name = nameNode.text().trim();
        if (!NAME.matcher(name).matches()) throw nameNode.error("check names use letters, digits, '_', '.' and '-' only, got '" + name + "'");
        try {
            return switch (type) {
                case "regex", "not_regex" -> regex(node.allowOnly("name", "type", "pattern"), name, type.equals("regex"));
                case "contains_any", "contains_all" -> contains(node.allowOnly("name", "type", "values", "case_insensitive"), name, type.equals("contains_all"));
                case "json" -> new JsonCheck(name, node.allowOnly("name", "type", "allow_fence").bool("allow_fence", false));
                case "json_schema" -> jsonSchema(node.allowOnly("name", "type", "schema", "schema_file", "allow_fence"), name, index);
                case "length" -> length(node.allowOnly("name", "type", "unit", "min", "max", "encoding"), name);
                case "refusal" -> refusal(node.allowOnly("name", "type", "expect", "phrases"), name);
                case "similarity" -> similarity(node.allowOnly("name", "type", "min"), name);
                default -> throw new IllegalStateException("unhandled check type " + type);
            };
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static RegexCheck regex(YamlNode node, String name, boolean mustMatch) {
        YamlNode p = node.require("pattern");
        String pattern = p.text();
        if (pattern.isEmpty()) throw p.error("pattern must not be empty");
        try {
            return new RegexCheck(name, Pattern.compile(pattern), mustMatch);
        } catch (PatternSyntaxException e) {
            throw p.error("invalid regex: " + e.getDescription() + " near index " + e.getIndex() + " of /" + pattern + "/");
        }
    }

    private static ContainsCheck contains(YamlNode node, String name, boolean all) {
        YamlNode valuesNode = node.require("values");
        List<String> values = new ArrayList<>();
        for (YamlNode v : valuesNode.list()) {
            String s = v.text();
            if (s.isEmpty()) throw v.error("values must not be empty strings");
            values.add(s);
        }
        if (values.isEmpty()) throw valuesNode.error("list at least one value");
        return new ContainsCheck(name, values, all, node.bool("case_insensitive", false));
    }

    private JsonSchemaCheck jsonSchema(YamlNode node, String name, int index) {
        YamlNode file = node.get("schema_file");
        YamlNode inline = node.get("schema");
        if ((file == null) == (inline == null)) throw node.error("give exactly one of schema_file or schema");
        boolean fence = node.bool("allow_fence", false);
        YamlNode where = file != null ? file : inline;
        JsonNode schema;
        String source;
        Path base;
        if (file != null) {
            Path path = file.existingPath();
            try {
                schema = JSON.readTree(dev.promptarena.input.ByteLines.readUtf8(path));
            } catch (InputException notUtf8) {
                throw file.error("schema file " + path + (notUtf8.line() > 0 ? ":" + notUtf8.line() : "") + ": " + notUtf8.getMessage());
            } catch (JsonProcessingException e) {
                throw file.error("schema file " + path + " is not valid JSON: " + dev.promptarena.input.JsonProblem.plain(e));
            } catch (IOException e) {
                throw file.error("cannot read schema file " + path + ": " + e.getMessage());
            }
            source = file.text().trim();
            base = path;
        } else {
            schema = rubricTree.path("checks").path(index).path("schema");
            if (schema.isTextual()) {
                try {
                    schema = JSON.readTree(schema.asText());
                } catch (JsonProcessingException e) {
                    throw inline.error("inline schema text is not valid JSON: " + dev.promptarena.input.JsonProblem.plain(e));
                }
            }
            source = "inline schema";
            base = node.file();
        }
        try {
            return new JsonSchemaCheck(name, JsonSchemas.compile(schema, base.toAbsolutePath().toUri()), source, fence);
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
    }

    private static LengthCheck length(YamlNode node, String name) {
        LengthUnit unit = LengthUnit.valueOf(node.get("unit") == null ? "WORDS" : node.get("unit").oneOf("words", "tokens").toUpperCase(java.util.Locale.ROOT));
        YamlNode enc = node.get("encoding");
        if (enc != null && unit != LengthUnit.TOKENS) throw enc.error("encoding applies only to unit: tokens");
        String encoding = enc == null ? null : enc.oneOf(TokenCounter.ENCODINGS.toArray(String[]::new));
        return new LengthCheck(name, unit, bound(node, "min"), bound(node, "max"), encoding);
    }

    private static Integer bound(YamlNode node, String key) {
        YamlNode n = node.get(key);
        if (n == null) return null;
        long v = n.integer();
        if (v < 0 || v > Integer.MAX_VALUE) throw n.error("expected a length between 0 and " + Integer.MAX_VALUE + ", got " + v);
        return (int) v;
    }

    private static RefusalCheck refusal(YamlNode node, String name) {
        YamlNode expect = node.get("expect");
        boolean refusal = expect != null && expect.oneOf("refusal", "non_refusal").equals("refusal");
        List<String> extra = new ArrayList<>();
        YamlNode phrases = node.get("phrases");
        if (phrases != null) {
            for (YamlNode p : phrases.list()) {
                if (p.text().isBlank()) throw p.error("phrases must not be blank");
                extra.add(p.text());
            }
        }
        return RefusalCheck.withDefaults(name, refusal, extra);
    }

    private SimilarityCheck similarity(YamlNode node, String name) {
        if (!embedderAvailable) throw node.error(Embedders.HOW_TO_ENABLE);
        YamlNode min = node.require("min");
        double v = min.number();
        if (!(v >= -1 && v <= 1)) throw min.error("min is a cosine similarity in [-1, 1], got " + v);
        return new SimilarityCheck(name, v);
    }
}
