package dev.promptarena.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code type: contains_any} (at least one of {@code values} occurs in the output) or
 * {@code type: contains_all} (every value occurs). Plain substring search, no regex, so it is linear
 * in the output size. With {@code case_insensitive: true} both sides are lower-cased with
 * {@link Locale#ROOT} so the result does not depend on the machine's locale (Turkish dotless i).
 *
 * @param name            check name
 * @param values          the strings to look for (at least one, none empty)
 * @param all             true for {@code contains_all}, false for {@code contains_any}
 * @param caseInsensitive compare ignoring case
 */
public record ContainsCheck(String name, List<String> values, boolean all, boolean caseInsensitive) implements TextCheck {
    public ContainsCheck {
        Check.requireName(name);
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("values must list at least one string");
        for (String v : values) if (v.isEmpty()) throw new IllegalArgumentException("values must not contain an empty string");
    }

    @Override
    public String type() { return all ? "contains_all" : "contains_any"; }

    @Override
    public CheckResult evaluate(String output) {
        String haystack = caseInsensitive ? output.toLowerCase(Locale.ROOT) : output;
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String v : values) {
            String needle = caseInsensitive ? v.toLowerCase(Locale.ROOT) : v;
            (haystack.contains(needle) ? found : missing).add(v);
        }
        if (all) {
            return missing.isEmpty() ? CheckResult.pass(name, "all " + values.size() + " found")
                    : CheckResult.fail(name, "missing: " + quoted(missing));
        }
        return found.isEmpty() ? CheckResult.fail(name, "none of " + quoted(values) + " found")
                : CheckResult.pass(name, "found: " + quoted(found));
    }

    private static String quoted(List<String> strings) {
        return strings.stream().map(s -> "'" + s + "'").reduce((a, b) -> a + ", " + b).orElse("");
    }
}
