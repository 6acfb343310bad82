package dev.promptarena.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.rubric.Axis;
import dev.promptarena.rubric.Rubric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the pairwise judge prompt from a Mustache template (the built-in one or the user's).
 * Untrusted text is neutralized before rendering; the variables are documented in README.
 */
public final class JudgePrompt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template template;
    private final String system;
    private final String templateSha256;
    private final Rubric rubric;
    private final JsonNode schema;

    public JudgePrompt(Rubric rubric, Path customTemplate) {
        this.rubric = rubric;
        String source = customTemplate == null ? resource("/judge/default.mustache") : read(customTemplate);
        this.templateSha256 = Hashing.sha256(source);
        try {
            this.template = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("").compile(source);
        } catch (MustacheException e) {
            throw new InputException(customTemplate, "invalid judge template: " + e.getMessage());
        }
        this.system = resource("/judge/system.txt");
        this.schema = VerdictSchema.forAxes(rubric.axisNames());
    }

    /** The system message sent with every judge request. */
    public String system() { return system; }

    /** SHA-256 of the template source (manifest; runs with different judges are flagged). */
    public String templateSha256() { return templateSha256; }

    /** JSON schema of the verdict, for providers that support structured output. */
    public JsonNode schema() { return schema; }

    public Rubric rubric() { return rubric; }

    /** Renders the user message with {@code first} shown as Response A and {@code second} as Response B. */
    public String render(String question, String context, String reference, String first, String second) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("instructions", rubric.instructions().strip());
        vars.put("axes", rubric.axes().stream().map(JudgePrompt::axisVars).toList());
        vars.put("axis_list", String.join("; ", rubric.axisNames()));
        vars.put("axis_json", rubric.axisNames().stream().map(n -> quote(n) + ": 1-5").collect(Collectors.joining(", ")));
        vars.put("question", Untrusted.neutralize(question));
        vars.put("context", context == null ? "" : Untrusted.neutralize(context));
        vars.put("reference", reference == null ? "" : Untrusted.neutralize(reference));
        vars.put("response_a", Untrusted.neutralize(first));
        vars.put("response_b", Untrusted.neutralize(second));
        try {
            return template.execute(vars);
        } catch (MustacheException e) {
            throw new InputException(null, "judge template failed to render: " + e.getMessage());
        }
    }

    private static Map<String, Object> axisVars(Axis a) {
        return Map.of("name", a.name(), "description", a.description(), "weight", a.weight(),
                "anchor1", a.anchors().get(1), "anchor3", a.anchors().get(3), "anchor5", a.anchors().get(5));
    }

    private static String quote(String s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("k", s);
        String json = n.toString();
        return json.substring(5, json.length() - 1);
    }

    static String resource(String name) {
        try (InputStream in = JudgePrompt.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    private static String read(Path p) {
        try {
            return dev.promptarena.input.ByteLines.readUtf8(p); // not UTF-8: an InputException naming the line
        } catch (IOException e) {
            throw new InputException(p, "cannot read judge template: " + dev.promptarena.util.IoReason.of(e));
        }
    }

    /** Axis names in rubric order. */
    public List<String> axisNames() { return rubric.axisNames(); }
}
