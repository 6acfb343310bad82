package dev.promptarena.promptfoo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.input.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a promptfoo config into the three files of an arena: the arena config, the golden set and the
 * rubric (as trees; {@link ImportFiles} writes them). Prompts x providers become the variants (two of them
 * are A and B), tests the golden cases, shared assertions the rubric, per-case expected answers the cases'
 * references. Whatever has no equivalent goes into the notes.
 */
public final class PromptfooImporter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> IGNORED = Set.of("description", "prompts", "providers", "targets", "tests", "defaultTest");
    /** promptfoo's default grader when defaultTest.options.provider is absent (an OpenAI model; the exact one varies by release). */
    static final String DEFAULT_GRADER = "openai:gpt-4.1";

    /** The converted arena; {@code cases} are golden-set lines. */
    public record Result(ObjectNode arena, ObjectNode rubric, List<ObjectNode> cases, List<String> variants, ImportNotes notes) {}

    private PromptfooImporter() {}

    /** @param datasetRef and {@code rubricRef}: the paths the arena config will name (relative to it) */
    public static Result convert(Path configFile, String datasetRef, String rubricRef) {
        ImportNotes notes = new ImportNotes();
        YamlNode root = Sources.yaml(configFile);
        root.entries().forEach((k, v) -> {
            if (!IGNORED.contains(k)) notes.unmapped(configFile.getFileName() + ":" + v.line(), "'" + k + "' has no equivalent and was not imported");
        });
        List<Prompt> prompts = new PromptfooPrompts(configFile, notes).read(root.require("prompts"));
        YamlNode providersNode = root.get("providers") != null ? root.get("providers") : root.get("targets");
        if (providersNode == null) throw root.error("providers: required key is missing");
        PromptfooProviders providerReader = new PromptfooProviders(notes);
        List<Target> targets = providerReader.read(providersNode);
        List<String> labels = new ArrayList<>();
        List<Prompt> comboPrompts = new ArrayList<>();
        List<Target> comboTargets = new ArrayList<>();
        for (Target t : targets) {
            for (Prompt p : prompts) {
                comboPrompts.add(p);
                comboTargets.add(t);
                // Name a variant by what varies: the prompt, the provider, or both.
                String label = targets.size() == 1 ? p.label() : prompts.size() == 1 ? t.label() : p.label() + " @ " + t.label();
                // Two prompt files of one name, or one provider listed twice: the arena refuses A and B with one name.
                String unique = label;
                for (int k = 2; labels.contains(unique); k++) unique = label + " (" + k + ")";
                labels.add(unique);
            }
        }
        if (labels.size() < 2) {
            throw providersNode.error("an arena compares two variants: found " + prompts.size() + " usable prompt(s) x " + targets.size()
                    + " usable provider(s); give two prompts, or one prompt and two providers");
        }
        List<String> variantLabels = List.copyOf(labels);
        if (labels.size() > 2) {
            notes.unmapped("prompts x providers", labels.size() + " variants; an arena compares two (A = the first, B = the second)."
                    + " Tournaments over N variants are separate: import once per pair you want gated (edit variants.B)");
        }

        PromptfooTests testReader = new PromptfooTests(configFile, notes);
        YamlNode defaultTest = root.get("defaultTest");
        AssertionMapper mapper = new AssertionMapper(notes);
        List<Assertion> defaults = testReader.defaults(defaultTest);
        List<TestCase> tests = testReader.read(root.get("tests"));
        if (tests.isEmpty()) throw root.error("tests: no test cases; a golden set needs at least one");
        defaults.forEach(mapper::global);
        List<ObjectNode> cases = cases(tests, mapper, notes);

        ObjectNode arena = F.objectNode();
        arena.put("name", name(root, configFile));
        arena.put("dataset", datasetRef);
        arena.put("rubric", rubricRef);
        arena.put("output", "reports");
        ObjectNode providers = arena.putObject("providers");
        Map<String, String> providerNames = new HashMap<>();
        String nameA = providerName(providers, providerNames, comboTargets.get(0));
        String nameB = providerName(providers, providerNames, comboTargets.get(1));
        Target a = comboTargets.get(0);
        Target b = comboTargets.get(1);
        if (a.decoding().equals(b.decoding())) {
            if (!a.decoding().isEmpty()) arena.set("decoding", a.decoding());
        }
        ObjectNode variants = arena.putObject("variants");
        variant(variants.putObject("A"), variantLabels.get(0), comboPrompts.get(0), nameA, a, a.decoding().equals(b.decoding()));
        variant(variants.putObject("B"), variantLabels.get(1), comboPrompts.get(1), nameB, b, a.decoding().equals(b.decoding()));

        ObjectNode rubric = F.objectNode().put("name", arena.get("name").asText());
        if (mapper.axes.isEmpty() && mapper.checks.isEmpty()) {
            // Nothing graded in promptfoo terms: the arena's question is still "which reply is better".
            mapper.axes.addObject().put("name", "Overall").put("description", "Which reply serves the user better overall.")
                    .putObject("anchors").put("1", "Poor.").put("3", "Acceptable.").put("5", "Excellent.");
            mapper.llmJudge = true;
            notes.review("no graded assertion: the rubric has one generic axis 'Overall'; write your criteria into it");
        }
        if (!mapper.axes.isEmpty()) rubric.set("axes", mapper.axes);
        if (!mapper.checks.isEmpty()) rubric.set("checks", mapper.checks);
        arena.set("judge", judge(defaultTest, providerReader, providers, providerNames, mapper.llmJudge, notes));
        ObjectNode decision = arena.putObject("decision").put("test", "superiority").put("alpha", 0.05);
        decision.putObject("guardrails").put("error_rate_max", 0.05);
        return new Result(arena, rubric, cases, variantLabels, notes);
    }

    private static List<ObjectNode> cases(List<TestCase> tests, AssertionMapper mapper, ImportNotes notes) {
        // An assertion every test carries is a property of the whole set: a check or an axis.
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TestCase t : tests) t.asserts().stream().map(Assertion::key).distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
        Set<String> shared = new java.util.HashSet<>();
        counts.forEach((k, n) -> { if (n == tests.size()) shared.add(k); });
        for (Assertion a : tests.get(0).asserts()) if (shared.contains(a.key())) mapper.global(a);
        List<ObjectNode> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            TestCase t = tests.get(i);
            ObjectNode c = F.objectNode();
            c.put("id", id(t.description(), i, ids));
            String reference = null;
            for (Assertion a : t.asserts()) {
                if (shared.contains(a.key())) continue;
                String r = mapper.perCase(a);
                if (reference == null) reference = r;
            }
            for (Map.Entry<String, String> v : t.vars().entrySet()) {
                switch (v.getKey()) {
                    case "id", "reference", "tags", "messages" -> notes.unmapped(t.where(), "var '" + v.getKey()
                            + "' is a reserved golden-set key here; rename it in the prompt and the tests");
                    default -> c.put(v.getKey(), v.getValue());
                }
            }
            if (mapper.referenceVar != null && t.vars().containsKey(mapper.referenceVar)) reference = t.vars().get(mapper.referenceVar);
            if (reference != null) c.put("reference", reference);
            if (!t.tags().isEmpty()) t.tags().forEach(c.putObject("tags")::put);
            out.add(c);
        }
        return out;
    }

    /** A readable unique id: the test's description as a slug, else its position. */
    private static String id(String description, int index, Set<String> taken) {
        String base = description == null ? "" : description.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.length() > 48) base = base.substring(0, 48).replaceAll("-$", "");
        if (base.isEmpty()) base = String.format("case-%03d", index + 1);
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
        return id;
    }

    private static String providerName(ObjectNode providers, Map<String, String> names, Target t) {
        String key = t.provider().toString();
        if (names.containsKey(key)) return names.get(key);
        String name = t.providerName();
        for (int i = 2; providers.has(name); i++) name = t.providerName() + "_" + i;
        providers.set(name, t.provider());
        names.put(key, name);
        return name;
    }

    private static void variant(ObjectNode v, String label, Prompt p, String provider, Target t, boolean sharedDecoding) {
        v.put("name", label);
        v.put("provider", provider);
        v.put("model", t.model());
        if (p.system() != null) v.put("system", p.system());
        v.put("user", p.user());
        if (!sharedDecoding && !t.decoding().isEmpty()) v.set("decoding", t.decoding());
    }

    private static ObjectNode judge(YamlNode defaultTest, PromptfooProviders reader, ObjectNode providers, Map<String, String> names,
                                    boolean llm, ImportNotes notes) {
        if (!llm) {
            notes.review("only deterministic assertions: the reference judge decides each pair by the checks passed (no LLM, no key)");
            return F.objectNode().put("type", "reference").put("margin", 0);
        }
        YamlNode options = defaultTest == null || defaultTest.isScalar() ? null : defaultTest.get("options");
        YamlNode grader = options == null ? null : options.get("provider");
        // options.provider is an id, a provider object, or {text: ..., embedding: ...} by grading kind.
        if (grader != null && grader.isMapping() && grader.get("id") == null && grader.get("text") != null) grader = grader.get("text");
        List<Target> found = grader == null ? List.of() : reader.read(grader);
        Target judge = found.isEmpty() ? null : found.get(0);
        if (judge == null) {
            judge = new Target(DEFAULT_GRADER, "openai", F.objectNode().put("preset", "openai"), DEFAULT_GRADER.substring(7), F.objectNode());
            notes.review("no usable defaultTest.options.provider: the judge is " + judge.model() + " (promptfoo's default grader is an OpenAI model)");
        }
        notes.review("llm-rubric grades each output alone; here one judge call compares A and B on the rubric's axes and names a winner");
        ObjectNode j = F.objectNode().put("provider", providerName(providers, names, judge)).put("model", judge.model());
        return j.put("order", "random").put("seed", 42);
    }

    private static String name(YamlNode root, Path file) {
        String d = root.text("description", null);
        String base = d != null ? d : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String slug = base.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "imported" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
