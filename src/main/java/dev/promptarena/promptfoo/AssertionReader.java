package dev.promptarena.promptfoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads promptfoo {@code assert:} lists from YAML. */
final class AssertionReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssertionReader() {}

    static List<Assertion> read(YamlNode list, ImportNotes notes) {
        List<Assertion> out = new ArrayList<>();
        if (list == null) return out;
        for (YamlNode a : list.list()) {
            String where = a.file().getFileName() + ":" + a.line();
            if (!a.isMapping() || a.get("type") == null) {
                notes.unmapped(where, "assertion without a type");
                continue;
            }
            String type = a.require("type").text().trim();
            boolean negated = type.startsWith("not-");
            String value = null;
            List<String> values = List.of();
            YamlNode v = a.get("value");
            if (v != null) {
                if (v.isScalar()) value = v.text();
                else if (v.isMapping()) value = toJson(v);
                else values = v.list().stream().map(YamlNode::text).toList();
            }
            for (Map.Entry<String, YamlNode> e : a.entries().entrySet()) {
                if (List.of("type", "value", "metric").contains(e.getKey())) continue;
                notes.unmapped(where, "assertion key '" + e.getKey() + "' (" + type + ") has no equivalent and was ignored");
            }
            out.add(new Assertion(negated ? type.substring(4) : type, negated, value, values, a.text("metric", null), where));
        }
        return out;
    }

    /** A mapping value (a JSON schema for is-json) as JSON text. */
    static String toJson(YamlNode v) {
        return JSON.valueToTree(plain(v)).toString();
    }

    /**
     * YamlNode gives scalars as text, so numbers and booleans are recognised by their spelling (a schema's
     * {@code minimum: 0} must stay a number); a quoted "5" in a schema would become 5, which no real
     * schema we have seen relies on.
     */
    private static Object plain(YamlNode v) {
        if (v.isScalar()) {
            String t = v.text();
            if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
            if (t.matches("-?\\d+")) return Long.parseLong(t);
            if (t.matches("-?\\d*\\.\\d+([eE][-+]?\\d+)?")) return Double.parseDouble(t);
            return t;
        }
        if (v.isMapping()) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            v.entries().forEach((k, c) -> m.put(k, plain(c)));
            return m;
        }
        return v.list().stream().map(AssertionReader::plain).toList();
    }
}
