package dev.promptarena.judge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parser for judge replies: a bare JSON object, one inside a code fence or surrounded
 * by prose, or (no JSON at all) MT-Bench style {@code [[A]]}/{@code [[B]]}/{@code [[C]]} labels.
 * Anything it cannot read is a failure with a reason, so the judge can be re-asked once.
 */
public final class VerdictParser {
    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonParser.Feature.ALLOW_TRAILING_COMMA, true)
            .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);
    private static final Pattern LABEL = Pattern.compile("\\[\\[\\s*(A|B|C|tie)\\s*]]", Pattern.CASE_INSENSITIVE);

    private final List<String> axes;

    public VerdictParser(List<String> axes) { this.axes = List.copyOf(axes); }

    /** Either a verdict or the reason none could be read. */
    public record Result(ParsedVerdict verdict, String error) {
        public boolean ok() { return verdict != null; }
    }

    public Result parse(String reply) {
        if (reply == null || reply.isBlank()) return fail("the reply is empty");
        String lastError = "no JSON object found";
        for (int i = reply.indexOf('{'); i >= 0; i = reply.indexOf('{', i + 1)) {
            JsonNode node;
            try (JsonParser p = JSON.getFactory().createParser(reply.substring(i))) {
                node = JSON.readTree(p);
            } catch (IOException e) {
                continue;
            }
            if (node == null || !node.isObject() || !node.has("winner")) continue;
            Result r = fromJson(node);
            if (r.ok()) return r;
            lastError = r.error();
        }
        Matcher m = LABEL.matcher(reply);
        String label = null;
        while (m.find()) label = m.group(1);
        if (label != null) return ok(new ParsedVerdict(winner(label), Map.of(), Map.of(), reply.strip()));
        return fail(lastError);
    }

    private Result fromJson(JsonNode node) {
        String winner = winner(node.path("winner").asText(""));
        if (winner == null) return fail("\"winner\" must be \"A\", \"B\" or \"tie\", got " + node.get("winner"));
        JsonNode scores = node.path("scores");
        Map<String, Integer> first = Map.of();
        Map<String, Integer> second = Map.of();
        if (scores.isObject()) {
            try {
                first = axisScores(slot(scores, "A"));
                second = axisScores(slot(scores, "B"));
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
        return ok(new ParsedVerdict(winner, first, second, node.path("reason").asText("")));
    }

    private static JsonNode slot(JsonNode scores, String name) {
        var it = scores.fields();
        while (it.hasNext()) {
            var e = it.next();
            String k = e.getKey().trim().toLowerCase(Locale.ROOT).replace("response", "").replace("assistant", "").trim();
            if (k.equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    private Map<String, Integer> axisScores(JsonNode slot) {
        Map<String, Integer> out = new HashMap<>();
        if (slot == null || !slot.isObject()) return out;
        for (String axis : axes) {
            JsonNode v = findIgnoreCase(slot, axis);
            if (v == null || v.isNull()) continue;
            double d;
            if (v.isNumber()) d = v.asDouble();
            else {
                try { d = Double.parseDouble(v.asText().trim()); } catch (NumberFormatException e) { throw new IllegalArgumentException("score for \"" + axis + "\" is not a number: " + v); }
            }
            if (d < 1 || d > 5 || d != Math.rint(d)) throw new IllegalArgumentException("score for \"" + axis + "\" must be a whole number from 1 to 5, got " + v);
            out.put(axis, (int) d);
        }
        return out;
    }

    private static JsonNode findIgnoreCase(JsonNode obj, String key) {
        var it = obj.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().trim().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }

    /** Normalizes the many ways judges name a winner; null when unrecognized. */
    static String winner(String raw) {
        String w = raw.trim().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "").replace("response", "")
                .replace("assistant", "").replace("\"", "").trim();
        return switch (w) {
            case "a" -> "A";
            case "b" -> "B";
            case "tie", "c", "draw", "equal", "none", "both" -> "tie";
            default -> null;
        };
    }

    private static Result ok(ParsedVerdict v) { return new Result(v, null); }
    private static Result fail(String why) { return new Result(null, why); }
}
