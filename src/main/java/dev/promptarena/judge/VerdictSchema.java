package dev.promptarena.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON schema of the judge's reply, built for the rubric's axes (structured output). It stays within the
 * subset OpenAI's strict structured outputs accept everywhere: every object closed and all its properties
 * required, and no numeric-range keywords (scores are an enum 1-5, not minimum/maximum, which strict mode
 * rejected when it launched and some OpenAI-compatible servers still reject). Checked against those rules and
 * OpenAI's published request schema by WireConformanceTest.
 */
final class VerdictSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictSchema() {}

    static JsonNode forAxes(List<String> axes) {
        ObjectNode root = object();
        // OpenAI names a json_schema response format; the title gives it a readable name ("verdict").
        root.put("title", "verdict");
        ObjectNode props = root.putObject("properties");
        ObjectNode winner = props.putObject("winner");
        winner.put("type", "string");
        winner.putArray("enum").add("A").add("B").add("tie");
        ObjectNode scores = props.putObject("scores");
        scores.put("type", "object");
        ObjectNode slots = scores.putObject("properties");
        slots.set("A", axisScores(axes));
        slots.set("B", axisScores(axes));
        scores.putArray("required").add("A").add("B");
        scores.put("additionalProperties", false);
        props.putObject("reason").put("type", "string");
        root.putArray("required").add("winner").add("scores").add("reason");
        return root;
    }

    /**
     * The pointwise judge's reply ({@code {"scores": {"<axis>": 1-5, ...}, "reason": "..."}}), under the same rules:
     * it once bounded scores with minimum/maximum, outside what strict mode accepts.
     */
    static JsonNode pointwise(List<String> axes) {
        ObjectNode root = object();
        root.put("title", "scores");
        ObjectNode props = root.putObject("properties");
        props.set("scores", axisScores(axes));
        props.putObject("reason").put("type", "string");
        root.putArray("required").add("scores").add("reason");
        return root;
    }

    private static ObjectNode axisScores(List<String> axes) {
        ObjectNode o = object();
        ObjectNode props = o.putObject("properties");
        ArrayNode required = o.putArray("required");
        for (String axis : axes) {
            ObjectNode s = props.putObject(axis);
            s.put("type", "integer");
            s.putArray("enum").add(1).add(2).add(3).add(4).add(5);
            required.add(axis);
        }
        return o;
    }

    private static ObjectNode object() {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "object");
        o.put("additionalProperties", false);
        return o;
    }
}
