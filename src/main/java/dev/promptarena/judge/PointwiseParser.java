package dev.promptarena.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a pointwise verdict leniently: the outermost {...} of the reply (code fences and prose around it are ignored). */
public final class PointwiseParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> axes;

    public PointwiseParser(List<String> axes) { this.axes = List.copyOf(axes); }

    /** Scores per axis and the reason, or the problem that made the reply unreadable. */
    public record Result(Map<String, Integer> scores, String reason, String error) {
        public boolean ok() { return error == null; }
    }

    public Result parse(String text) {
        if (text == null) return fail("empty reply");
        int start = text.indexOf('{'), end = text.lastIndexOf('}');
        if (start < 0 || end <= start) return fail("no JSON object in the reply");
        JsonNode n;
        try {
            n = JSON.readTree(text.substring(start, end + 1));
        } catch (Exception e) {
            return fail("malformed JSON");
        }
        JsonNode scores = n.path("scores");
        if (!scores.isObject()) return fail("no \"scores\" object");
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String axis : axes) {
            JsonNode v = scores.get(axis);
            if (v == null) {
                // Judges sometimes change the case of an axis name; accept that, nothing looser.
                for (var it = scores.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (e.getKey().equalsIgnoreCase(axis)) v = e.getValue();
                }
            }
            if (v == null || !v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || v.asInt() < 1 || v.asInt() > 5) {
                return fail("axis \"" + axis + "\" needs a whole score from 1 to 5");
            }
            out.put(axis, v.asInt());
        }
        return new Result(out, n.path("reason").asText(""), null);
    }

    private static Result fail(String error) { return new Result(Map.of(), "", error); }
}
