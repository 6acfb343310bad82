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
