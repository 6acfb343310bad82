package dev.promptarena.promptfoo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps promptfoo assertions that hold for every case to rubric checks and axes and to the pairwise judge,
 * and per-case expected answers ({@code equals}, {@code similar}, {@code factuality}) to the case's
 * {@code reference}. Checks here are the same for every case, so a per-case {@code contains} and the like
 * are listed as not mapped rather than weakened.
 */
final class AssertionMapper {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern ONE_VAR = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final Set<String> REFERENCE_TYPES = Set.of("equals", "similar", "factuality", "model-graded-factuality");
    private static final Set<String> RUBRIC_TYPES = Set.of("llm-rubric", "model-graded-closedqa", "g-eval");

    private final ImportNotes notes;
    final ArrayNode checks = F.arrayNode();
    final ArrayNode axes = F.arrayNode();
    private final Set<String> names = new HashSet<>();
    /** A var holding each case's expected answer ({@code factuality: "{{answer}}"} in defaultTest). */
    String referenceVar;
    boolean llmJudge;

    AssertionMapper(ImportNotes notes) { this.notes = notes; }

    /** An assertion that applies to every case. */
    void global(Assertion a) {
        String t = a.type();
        String where = a.where();
        if (a.value() != null && ONE_VAR.matcher(a.value()).find() && !RUBRIC_TYPES.contains(t) && !t.equals("select-best")) {
            Matcher m = ONE_VAR.matcher(a.value().strip());
            if (REFERENCE_TYPES.contains(t) && !a.negated() && m.matches()) {
                referenceVar = m.group(1);
                if (t.contains("factuality")) factualityAxis();
                notes.review(t + ": {{" + referenceVar + "}} became each case's reference, which the judge sees (there is no exact-match or similarity check per case)");
            } else {
                notes.unmapped(where, a.fullType() + " with a per-case value (" + a.value() + "): checks here have one value for all cases");
            }
            return;
        }
        Optional<ObjectNode> check = check(a);
        if (check.isPresent()) {
            // An unrecognised javascript assertion was already listed as not mapped.
            if (check.get().path("type").asText().equals("unmapped")) return;
            add(check.get(), a.metric() != null ? a.metric() : checkName(a, check.get()));
            return;
        }
        if (a.negated()) {
            notes.unmapped(where, a.fullType() + " has no equivalent");
            return;
        }
        switch (t) {
            case "llm-rubric", "model-graded-closedqa", "g-eval" -> {
                if (a.value() == null) { notes.unmapped(where, t + " without a rubric text"); return; }
                axis(a.metric() != null ? a.metric() : label(a.value()), a.value());
            }
            case "select-best" -> {
                llmJudge = true;
                if (a.value() != null) axis(a.metric() != null ? a.metric() : "Preferred", a.value());
                notes.review("select-best became the pairwise judge: it compares A and B on every case (its criterion is an axis)");
            }
            case "factuality", "model-graded-factuality" -> {
                factualityAxis();
                notes.unmapped(where, t + " with a fixed value: give each case its expected answer as reference instead");
            }
            case "similar" -> notes.unmapped(where, "similar: use a check {type: similarity, min: ...} against each case's reference"
                    + " (needs the -Pembeddings build; docs/checks.md)");
            case "cost", "latency" -> notes.unmapped(where, t + " threshold: absolute limits have no equivalent; the guardrails "
                    + (t.equals("cost") ? "cost_per_case_increase_usd" : "latency_p95_increase_ms") + " limit B's increase over A");
            default -> notes.unmapped(where, a.fullType() + " has no equivalent");
        }
    }

    /** A case's own assertion: an expected answer becomes its reference (returned), anything else is listed. */
    String perCase(Assertion a) {
        if (REFERENCE_TYPES.contains(a.type()) && !a.negated() && a.value() != null) {
            if (a.type().contains("factuality")) factualityAxis();
            notes.review("per-case " + a.type() + " values became each case's reference, which the judge sees");
            return a.value();
        }
        if (a.type().equals("select-best")) { global(a); return null; }
        notes.unmapped(a.where(), "per-case " + a.fullType() + " (only assertions every case shares become checks or axes)");
        return null;
    }

    private Optional<ObjectNode> check(Assertion a) {
        String v = a.value();
        boolean neg = a.negated();
        ObjectNode n = F.objectNode();
        switch (a.type()) {
            case "contains", "icontains" -> {
                if (v == null) return Optional.empty();
                boolean ci = a.type().startsWith("i");
                if (neg) return Optional.of(n.put("type", "not_regex").put("pattern", (ci ? "(?i)" : "") + Pattern.quote(v)));
                n.put("type", "contains_all").putArray("values").add(v);
                if (ci) n.put("case_insensitive", true);
                return Optional.of(n);
            }
            case "contains-any", "contains-all", "icontains-any", "icontains-all" -> {
                List<String> values = !a.values().isEmpty() ? a.values() : v == null ? List.of() : List.of(v.split("\\s*,\\s*"));
                if (values.isEmpty() || (neg && a.type().endsWith("all"))) return Optional.empty();
                boolean ci = a.type().startsWith("i");
                if (neg) {
                    return Optional.of(n.put("type", "not_regex").put("pattern", (ci ? "(?i)" : "")
                            + String.join("|", values.stream().map(Pattern::quote).toList())));
                }
                n.put("type", a.type().endsWith("any") ? "contains_any" : "contains_all");
                values.forEach(n.putArray("values")::add);
                if (ci) n.put("case_insensitive", true);
                return Optional.of(n);
            }
            case "regex" -> { return v == null ? Optional.empty() : Optional.of(n.put("type", neg ? "not_regex" : "regex").put("pattern", v)); }
            case "starts-with" -> { return v == null ? Optional.empty() : Optional.of(n.put("type", neg ? "not_regex" : "regex").put("pattern", "\\A" + Pattern.quote(v))); }
            case "equals" -> { return v == null ? Optional.empty() : Optional.of(n.put("type", neg ? "not_regex" : "regex").put("pattern", "\\A" + Pattern.quote(v) + "\\z")); }
            case "is-json" -> {
                if (neg) return Optional.empty();
                if (v == null) return Optional.of(n.put("type", "json"));
                return Optional.of(n.put("type", "json_schema").put("schema", v));
            }
            case "javascript" -> {
                Optional<ObjectNode> js = v == null || neg ? Optional.empty() : JavascriptAssertion.check(v);
                if (js.isEmpty()) {
                    notes.unmapped(a.where(), a.fullType() + " '" + oneLine(String.valueOf(v)) + "' is code we do not run; recognised shapes:"
                            + " output.includes('x'), /re/.test(output), JSON.parse(output), output.split(' ').length <= N");
                    n.put("type", "unmapped");
                    return Optional.of(n);
                }
                return js;
            }
            default -> { return Optional.empty(); }
        }
    }

    /** A readable name: the assertion type and the first words of its value, or the length bound. */
    private static String checkName(Assertion a, ObjectNode check) {
        if (check.path("type").asText().equals("length")) {
            return "words_" + (check.has("max") ? "max_" + check.get("max").asText() : "min_" + check.get("min").asText());
        }
        String value = a.value() != null ? a.value() : String.join(" ", a.values());
        if (a.type().equals("javascript") || a.type().equals("is-json") || value.isBlank()) return a.fullType().replace('-', '_');
        String[] words = value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
        return a.fullType().replace('-', '_') + "_" + String.join("_", List.of(words).subList(0, Math.min(3, words.length)));
    }

    private void add(ObjectNode check, String base) {
        ObjectNode named = F.objectNode().put("name", unique(base.replaceAll("[^A-Za-z0-9_.-]", "_")));
        named.setAll(check);
        checks.add(named);
    }

    private void axis(String name, String description) {
        llmJudge = true;
        ObjectNode axis = axes.addObject().put("name", unique(name)).put("description", description.strip());
        ObjectNode anchors = axis.putObject("anchors");
        anchors.put("1", "Does not meet the criterion.").put("3", "Partly meets it.").put("5", "Fully meets it.");
        notes.review("axis '" + axis.get("name").asText() + "' has generated 1/3/5 anchors: describe what each score means for your task");
    }

    private void factualityAxis() {
        if (names.contains("factuality")) return;
        axis("Factuality", "Agrees with the reference answer: states no fact that contradicts it and leaves out none of its facts.");
    }

    private String unique(String name) {
        String n = name;
        for (int i = 2; !names.add(n.toLowerCase(Locale.ROOT)); i++) n = name + "_" + i;
        return n;
    }

    /** An axis name from a rubric text: its first words, capitalised. */
    private static String label(String text) {
        String[] words = text.strip().replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+");
        String joined = String.join(" ", List.of(words).subList(0, Math.min(4, words.length)));
        return joined.isEmpty() ? "Criterion" : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    private static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
