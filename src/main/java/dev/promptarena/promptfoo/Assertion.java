package dev.promptarena.promptfoo;

import java.util.List;

/**
 * One promptfoo assertion: its type without the {@code not-} prefix, whether it was negated, its value as
 * text (null when absent), list values (for {@code contains-any} and the like), the {@code metric} name,
 * and where it came from (file:line) for the notes.
 */
record Assertion(String type, boolean negated, String value, List<String> values, String metric, String where) {
    /** Identity for "does every test carry this same assertion". */
    String key() { return (negated ? "not-" : "") + type + "\u0000" + value + "\u0000" + values; }

    String fullType() { return (negated ? "not-" : "") + type; }

    /** Parses CSV {@code __expected} text such as {@code icontains: hello} or {@code llm-rubric: is polite}. */
    static Assertion fromCsv(String text, String where) {
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon > 0 && t.substring(0, colon).matches("[a-z][a-z-]*")) {
            String type = t.substring(0, colon);
            String value = t.substring(colon + 1).trim();
            // promptfoo's CSV shorthands: grade: is llm-rubric, fn:/eval: are javascript.
            if (type.equals("grade")) type = "llm-rubric";
            if (type.equals("fn") || type.equals("eval")) type = "javascript";
            boolean negated = type.startsWith("not-");
            return new Assertion(negated ? type.substring(4) : type, negated, value.isEmpty() ? null : value, List.of(), null, where);
        }
        if (t.equals("is-json")) return new Assertion("is-json", false, null, List.of(), null, where);
        // A bare value is promptfoo's "equals".
        return new Assertion("equals", false, t, List.of(), null, where);
    }
}
