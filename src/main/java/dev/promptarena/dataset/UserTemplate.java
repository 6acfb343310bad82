package dev.promptarena.dataset;

import dev.promptarena.input.InputException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A variant's user-message template: {@code {{field}}} placeholders over the case's fields,
 * plus {@code {{context}}}. The reference answer is deliberately not available: it would leak
 * the golden answer to the model under test.
 */
public final class UserTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private final String source;
    private final Set<String> fields;

    public UserTemplate(String source) {
        this.source = source;
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(source);
        while (m.find()) found.add(m.group(1));
        this.fields = Set.copyOf(found);
    }

    public Set<String> fields() { return fields; }

    /** Where a template goes wrong: the offset of the {@code {{} that starts the problem, and what it is. */
    public record Malformed(int offset, String message) {}

    /** {@code {{} then a field name (or nothing) that is not closed by {@code }}} right after: a typo of a placeholder. */
    private static final Pattern BROKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*");

    /**
     * The first placeholder that is not one: {@code {{question} } or {@code {{question} at the end (unclosed), or
     * {@code {{}}} (no field). Rendering leaves such text as it is, so the model would get the braces and not the
     * case's field. Any other {@code {{} (JSON such as {@code {{"a": 1}}}) is text, as before.
     *
     * @return the problem, or null when every {@code {{} that starts like a placeholder is a complete one
     */
    public static Malformed malformed(String source) {
        Matcher placeholder = PLACEHOLDER.matcher(source);
        Matcher broken = BROKEN.matcher(source);
        for (int i = source.indexOf("{{"); i >= 0; i = source.indexOf("{{", i + 1)) {
            if (placeholder.region(i, source.length()).lookingAt()) {
                i = placeholder.end() - 1;
                continue;
            }
            if (!broken.region(i, source.length()).lookingAt()) continue;
            String name = broken.group(1);
            boolean closed = source.startsWith("}}", broken.end());
            if (name.isEmpty() && closed) return new Malformed(i, "'{{}}' names no field; write {{field}} with a field of the golden set");
            if (name.isEmpty()) continue; // '{{' before other text: literal braces, e.g. JSON
            return new Malformed(i, "'{{" + name + "' is not closed: write {{" + name + "}} (a field name of letters, digits, '_', '.'"
                    + " or '-', then '}}')");
        }
        return null;
    }

    /** A placeholder as written ({@code {{ name }}}) and where it starts. */
    public record Placeholder(int offset, String text) {}

    /** The first well-formed placeholder in {@code source} (any text, say a system prompt), or null. */
    public static Placeholder firstPlaceholder(String source) {
        Matcher m = PLACEHOLDER.matcher(source);
        return m.find() ? new Placeholder(m.start(), m.group()) : null;
    }

    /** The 1-based line of {@code offset} within {@code source}. */
    public static int lineOf(String source, int offset) {
        int line = 1;
        for (int k = 0; k < offset && k < source.length(); k++) if (source.charAt(k) == '\n') line++;
        return line;
    }

    /** Fails with the dataset's file and line when a case lacks a field the template uses. */
    public void check(GoldenCase c, Path datasetFile, String variant) {
        for (String f : fields) {
            if (value(c, f) == null) {
                throw new InputException(datasetFile, c.line(), f, "case '" + c.id() + "' has no field '" + f
                        + "' used by variant " + variant + "'s user template");
            }
        }
    }

    public String render(GoldenCase c) {
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = value(c, m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String value(GoldenCase c, String field) {
        if (field.equals("context")) return c.context();
        if (field.equals("id")) return c.id();
        Map<String, String> fields = c.fields();
        return fields.get(field);
    }
}
