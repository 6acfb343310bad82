package dev.promptarena.promptfoo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few {@code javascript} assertion shapes that say the same as a check here: substring tests, a regex
 * literal's {@code test(output)}, {@code JSON.parse(output)}, and a word-count bound. Anything else is code
 * we do not run.
 */
final class JavascriptAssertion {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String STR = "(?:'([^'\\\\]*)'|\"([^\"\\\\]*)\")";
    private static final Pattern INCLUDES = Pattern.compile("(!?)\\s*output(\\.toLowerCase\\(\\))?\\.includes\\(\\s*" + STR + "\\s*\\)");
    private static final Pattern REGEX_TEST = Pattern.compile("(!?)\\s*/(.+)/([gimsuy]*)\\.test\\(\\s*output\\s*\\)");
    private static final Pattern JSON_PARSE = Pattern.compile("JSON\\.parse\\(\\s*output\\s*\\)");
    private static final Pattern WORDS = Pattern.compile("output\\.(?:trim\\(\\)\\.)?split\\(\\s*(?:/\\\\s\\+/|' '|\" \")\\s*\\)\\.length\\s*(<=|<|>=|>)\\s*(\\d+)");

    private JavascriptAssertion() {}

    /** The check (without its name) this expression means, if it is one of the recognised shapes. */
    static Optional<ObjectNode> check(String code) {
        String c = code.strip().replaceFirst("^return\\s+", "").replaceFirst(";$", "").strip();
        Matcher m = INCLUDES.matcher(c);
        if (m.matches()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            boolean lower = m.group(2) != null;
            if (m.group(1).isEmpty()) {
                ObjectNode n = F.objectNode().put("type", "contains_all");
                n.putArray("values").add(value);
                if (lower) n.put("case_insensitive", true);
                return Optional.of(n);
            }
            return Optional.of(F.objectNode().put("type", "not_regex").put("pattern", (lower ? "(?i)" : "") + Pattern.quote(value)));
        }
        m = REGEX_TEST.matcher(c);
        if (m.matches()) {
            String flags = m.group(3).replaceAll("[gyu]", "");
            String pattern = (flags.isEmpty() ? "" : "(?" + flags + ")") + m.group(2);
            return Optional.of(F.objectNode().put("type", m.group(1).isEmpty() ? "regex" : "not_regex").put("pattern", pattern));
        }
        if (JSON_PARSE.matcher(c).matches()) return Optional.of(F.objectNode().put("type", "json"));
        m = WORDS.matcher(c);
        if (m.matches()) {
            long n = Long.parseLong(m.group(2));
            ObjectNode check = F.objectNode().put("type", "length").put("unit", "words");
            switch (m.group(1)) {
                case "<=" -> check.put("max", n);
                case "<" -> check.put("max", n - 1);
                case ">=" -> check.put("min", n);
                default -> check.put("min", n + 1);
            }
            return Optional.of(check);
        }
        return Optional.empty();
    }
}
