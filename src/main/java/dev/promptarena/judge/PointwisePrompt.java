package dev.promptarena.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.promptarena.input.Hashing;
import dev.promptarena.rubric.Axis;
import dev.promptarena.rubric.Rubric;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The online judge's prompt: one response scored 1–5 per rubric axis (pointwise), with the same rubric
 * text, anchors and untrusted-material markers as the pairwise prompt, so online scores read like the
 * offline run's per-axis scores. Reply: {@code {"scores": {"<axis>": 1-5, ...}, "reason": "..."}}.
 */
public final class PointwisePrompt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rubric rubric;
    private final Template template;
    private final String system;
    private final String templateSha256;
    private final JsonNode schema;

    public PointwisePrompt(Rubric rubric) {
        this.rubric = rubric;
        String source = JudgePrompt.resource("/judge/pointwise.mustache");
        this.templateSha256 = Hashing.sha256(source);
        this.template = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("").compile(source);
        this.system = JudgePrompt.resource("/judge/pointwise-system.txt");
        this.schema = schema(rubric.axisNames());
    }

    public String system() { return system; }
    public String templateSha256() { return templateSha256; }
    public JsonNode schema() { return schema; }
    public List<String> axisNames() { return rubric.axisNames(); }

    /**
     * The user message. The trace id is part of it so that every trace is its own judgment, journaled and cached
     * under its own key: two traces with the same text are still two scores, each linked to its trace.
     */
    public String render(String traceId, String question, String context, String response) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("trace_id", Untrusted.neutralize(traceId));
        vars.put("instructions", rubric.instructions().strip());
        vars.put("axes", rubric.axes().stream().map(PointwisePrompt::axisVars).toList());
        vars.put("axis_list", String.join("; ", rubric.axisNames()));
        vars.put("axis_json", rubric.axisNames().stream().map(n -> JSON.getNodeFactory().textNode(n).toString() + ": 1-5").collect(Collectors.joining(", ")));
        vars.put("question", Untrusted.neutralize(question));
        vars.put("context", context == null ? "" : Untrusted.neutralize(context));
        vars.put("response", Untrusted.neutralize(response));
        return template.execute(vars);
    }

    private static Map<String, Object> axisVars(Axis a) {
        return Map.of("name", a.name(), "description", a.description(), "anchor1", a.anchors().get(1), "anchor3", a.anchors().get(3),
                "anchor5", a.anchors().get(5));
    }

    /** JSON schema of the reply, for providers with structured output (strict-mode subset: VerdictSchema). */
    static JsonNode schema(List<String> axes) { return VerdictSchema.pointwise(axes); }
}
