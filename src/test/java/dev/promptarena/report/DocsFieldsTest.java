package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/report-json.md and the golden report.json files (src/test/resources/golden-main) agree both ways: the fields the
 * doc documents are in the goldens, unless the doc says they are conditional (the judge panel's fields, conditional or
 * not, are in the golden panel run's, and the tournament table's in the golden tournament's); every key a golden holds is
 * documented at its path; the type column says what each golden value is. The CSV columns docs/reports.md lists are the
 * golden CSV headers, both ways.
 */
class DocsFieldsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-main");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]*(\\.(<[a-z]+>|[A-Za-z0-9]+))*(\\[])?");
    /** A code span that may name a key, also in parentheses ("per role (`A`, `B`, `JUDGE`)"): for the golden → doc check. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[])?");
    /** Words by which the doc says a field is not always there. */
    private static final List<String> CONDITIONAL = List.of("only with", "only in", "optional", "absent", "null with", "null without",
            "empty when none");

    @Test
    void everyDocumentedReportJsonFieldIsInAGoldenReport() throws IOException {
        List<JsonNode> goldens = new ArrayList<>();
        for (String run : List.of("example", "fake", "panel")) goldens.add(golden(run));
        List<Field> fields = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream().filter(f -> f.named() && !f.tournament()).toList();
        assertTrue(fields.size() >= 150, "only " + fields.size() + " fields found in docs/report-json.md");
        List<String> missing = new ArrayList<>();
        for (Field f : fields) {
            if (!f.conditional() && goldens.stream().noneMatch(g -> has(g, f))) missing.add(f.where());
        }
        assertEquals(List.of(), missing, "documented fields that no golden report.json has (mark them conditional or fix the doc)");
    }

    /** The panel's fields are documented as conditional (agreement is null with one judge): the panel golden has them all. */
    @Test
    void everyJudgePanelFieldIsInTheGoldenPanelReport() throws IOException {
        JsonNode panel = golden("panel");
        assertEquals(3, panel.at("/analysis/judgePanel/perJudge").size(), "three judges: Fleiss' kappa and pairwise Cohen's");
        List<Field> fields = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream()
                .filter(f -> f.named() && f.section().startsWith("analysis.judgePanel.")).toList();
        assertTrue(fields.size() >= 35, "only " + fields.size() + " judge panel fields found in docs/report-json.md");
        assertTrue(fields.stream().anyMatch(f -> f.name().equals("kappa") && f.conditional()), "the fields this test exists for");
        List<String> missing = new ArrayList<>(fields.stream().filter(f -> !has(panel, f)).map(Field::where).toList());
        // Each judge's `orderBias` is documented "as `analysis.orderBias`": every judge of the golden has all of its fields.
        List<Field> order = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream()
                .filter(f -> f.named() && f.section().equals("analysis.orderBias.")).toList();
        assertTrue(order.size() >= 20, "only " + order.size() + " order bias fields found");
        for (JsonNode judge : panel.at("/analysis/judgePanel/perJudge")) {
            for (Field f : order) {
                if (!judge.path("orderBias").has(f.name())) missing.add(f.where() + " (judge " + judge.path("judge").asText() + "'s orderBias)");
            }
        }
        assertEquals(List.of(), missing, "documented judge panel fields that the golden panel report.json lacks");
    }

    @Test
    void everyTournamentFieldIsInTheGoldenTournamentReport() throws IOException {
        JsonNode tournament = golden("tournament");
        assertEquals(2, tournament.path("schemaVersion").asInt());
        List<Field> fields = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream().filter(f -> f.named() && f.tournament()).toList();
        assertTrue(fields.size() >= 30, "only " + fields.size() + " tournament fields found in docs/report-json.md: " + fields);
        List<String> missing = fields.stream().filter(f -> !has(tournament, f)).map(Field::where).toList();
        assertEquals(List.of(), missing, "documented tournament fields that the golden tournament report.json lacks");
    }

    /** The conventions list every interval {@code method} a golden report.json holds ("wald-logit" once stood for Firth's). */
    @Test
    void everyIntervalMethodOfTheGoldensIsListedInTheConventions() throws IOException {
        String doc = Files.readString(Path.of("docs/report-json.md"));
        String conventions = doc.substring(doc.indexOf("* An **interval** object"), doc.indexOf("* A **bootstrap** object"));
        Set<String> methods = new TreeSet<>();
        for (String run : List.of("example", "fake", "panel", "tournament")) intervalMethods(golden(run), methods);
        assertTrue(methods.containsAll(List.of("wilson", "tie-aware score", "bootstrap-bca", "wald")), methods.toString());
        List<String> unlisted = methods.stream().filter(m -> !conventions.contains("`" + m.replaceFirst("-cluster$", "") + "`")).toList();
        assertEquals(List.of(), unlisted, "interval methods in the goldens that docs/report-json.md's conventions do not list");
    }

    /**
     * Every key a golden report.json holds is documented at its path: by a table row (its section and name), by a name in
     * the meaning cell of an enclosing row or in the prose of an enclosing section, by the conventions' interval and
     * bootstrap objects, or as a key of a field the doc calls a map ("check name → passed"). Fields documented "as"
     * another are read at that other's path.
     */
    @Test
    void everyFieldOfTheGoldenReportsIsDocumentedByPath() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/report-json.md"));
        List<Field> all = documentedFields(lines);
        List<Set<String>> shapes = conventionShapes(String.join("\n", lines));
        Set<String> undocumented = new TreeSet<>();
        for (String run : List.of("example", "fake", "panel")) {
            undocumented(golden(run), "", all.stream().filter(f -> !f.tournament()).toList(), all, shapes, run, undocumented);
        }
        undocumented(golden("tournament"), "", all.stream().filter(Field::tournament).toList(), all, shapes, "tournament", undocumented);
        assertEquals(Set.of(), undocumented, "fields of a golden report.json that docs/report-json.md does not document at their path");
    }

    /** The type column of docs/report-json.md's tables (int, string, object, string[] ...) says what each golden value is. */
    @Test
    void theTypeColumnMatchesEveryGoldenValue() throws IOException {
        List<Field> typed = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream().filter(f -> f.type() != null).toList();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Field f : typed) {
            for (String run : f.tournament() ? List.of("tournament") : List.of("example", "fake", "panel")) {
                for (JsonNode value : valuesAt(golden(run), f.path())) {
                    checked++;
                    if (!hasType(value, f.type(), f.nullable())) wrong.add(f.where() + " is documented as " + f.type() + ", " + run + " holds " + value);
                }
            }
        }
        assertTrue(typed.size() >= 50 && checked >= 100, typed.size() + " typed fields, " + checked + " values checked");
        assertEquals(List.of(), wrong);
    }

    /**
     * Paths the doc documents by reference: each judge's `orderBias` "as `analysis.orderBias`", `options.policy` "as in the
     * manifest", the manifest's `judges[]` "each as the `judge` object", a tournament's `manifest` "as in version 1", its pairings' `analysis` and candidates' `decision` the
     * "version-1" objects.
     */
    private static final Map<String, String> SAME_AS = Map.of(
            "analysis.judgePanel.perJudge.orderBias.", "analysis.orderBias.",
            "analysis.judgePanel.selfPreference.", "manifest.selfPreference.",
            "manifest.judges.", "manifest.judge.",
            "analysis.options.policy.", "manifest.policy.",
            "analysis.sequential.registration.", "manifest.sequential.");
    private static final Map<String, String> TOURNAMENT_SAME_AS = Map.of(
            "manifest.", "manifest.",
            "analysis.pairs.analysis.", "analysis.",
            "analysis.decision.candidates.decision.", "analysis.decision.");

    private static void undocumented(JsonNode node, String path, List<Field> docs, List<Field> all, List<Set<String>> shapes, String run,
                                     Set<String> out) {
        if (node.isArray()) {
            node.elements().forEachRemaining(e -> undocumented(e, path, docs, all, shapes, run, out));
            return;
        }
        if (!node.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path + e.getKey();
            List<Field> scope = docs;
            String at = child;
            if (docs.stream().anyMatch(Field::tournament)) {
                for (Map.Entry<String, String> alias : TOURNAMENT_SAME_AS.entrySet()) {
                    if (child.startsWith(alias.getKey())) {
                        scope = all.stream().filter(f -> !f.tournament()).toList();
                        at = alias.getValue() + child.substring(alias.getKey().length());
                    }
                }
            }
            for (Map.Entry<String, String> alias : SAME_AS.entrySet()) {
                if (at.startsWith(alias.getKey())) at = alias.getValue() + at.substring(alias.getKey().length());
            }
            if (!documentedAt(at, node, scope, shapes)) {
                out.add(run + ": " + child);
                continue;
            }
            undocumented(e.getValue(), child + ".", docs, all, shapes, run, out);
        }
    }

    private static boolean documentedAt(String path, JsonNode parent, List<Field> docs, List<Set<String>> shapes) {
        int dot = path.lastIndexOf('.');
        String key = path.substring(dot + 1);
        String parentPath = dot < 0 ? "" : path.substring(0, dot);
        for (Field f : docs) {
            // An object on the way to a documented row ("variants" of `variants.A`) is documented by it.
            if (f.exact() && (matches(f.path(), path) || under(path + ".", f.path()))) return true;
            if (f.name().replace("[]", "").equals(key) && under(f.section().replace("[]", ""), parentPath)) return true;
            if (f.map() && (f.exact() ? matches(f.path(), parentPath)
                    : parentPath.endsWith("." + f.name().replace("[]", "")) && under(f.section().replace("[]", ""), parentPath))) return true;
        }
        Set<String> keys = new TreeSet<>();
        parent.fieldNames().forEachRemaining(keys::add);
        return shapes.stream().anyMatch(keys::equals);
    }

    /** Whether a documented path ("manifest.providers.<name>") names a golden path, a {@code <...>} step standing for any key. */
    private static boolean matches(String documented, String path) {
        String[] d = documented.split("\\.");
        String[] p = path.split("\\.");
        if (d.length != p.length) return false;
        for (int i = 0; i < d.length; i++) if (!d[i].startsWith("<") && !d[i].equals(p[i])) return false;
        return true;
    }

    /** Whether a section ("analysis.judgePanel.") encloses a path, or is it. */
    private static boolean under(String section, String path) {
        if (section.isEmpty()) return true;
        String[] d = section.substring(0, section.length() - 1).split("\\.");
        String[] p = path.split("\\.");
        if (d.length > p.length) return false;
        for (int i = 0; i < d.length; i++) if (!d[i].startsWith("<") && !d[i].equals(p[i])) return false;
        return true;
    }

    /** The objects the conventions define by their keys: "An **interval** object is `{lower, upper, level, method}`". */
    private static List<Set<String>> conventionShapes(String doc) {
        String conventions = doc.substring(doc.indexOf("Conventions:"), doc.indexOf("## Versioning"));
        List<Set<String>> shapes = new ArrayList<>();
        Matcher m = Pattern.compile("`\\{([^}`]+)}`").matcher(conventions);
        while (m.find()) shapes.add(new TreeSet<>(List.of(m.group(1).split(",\\s*"))));
        assertEquals(2, shapes.size(), "the interval and bootstrap objects: " + shapes);
        return shapes;
    }

    /** The golden values at a documented path, stepping through arrays, a {@code <...>} step through every key. */
    private static List<JsonNode> valuesAt(JsonNode root, String path) {
        List<JsonNode> nodes = List.of(root);
        for (String step : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : nodes) {
                List<JsonNode> items = n.isArray() ? iterable(n) : List.of(n);
                for (JsonNode item : items) {
                    if (step.startsWith("<")) next.addAll(iterable(item));
                    else if (item.has(step)) next.add(item.get(step));
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static List<JsonNode> iterable(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        n.elements().forEachRemaining(out::add);
        return out;
    }

    private static boolean hasType(JsonNode v, String type, boolean nullable) {
        if (v.isNull()) return nullable || type.endsWith(" or null");
        String base = type.replaceFirst(" or null$", "");
        return switch (base) {
            case "int" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "string" -> v.isTextual();
            case "bool" -> v.isBoolean();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string[]" -> v.isArray() && iterable(v).stream().allMatch(JsonNode::isTextual);
            case "object[]" -> v.isArray() && iterable(v).stream().allMatch(JsonNode::isObject);
            default -> throw new AssertionError("unknown type in docs/report-json.md: " + type);
        };
    }

    private static void intervalMethods(JsonNode node, Set<String> out) {
        if (node.isObject() && node.has("lower") && node.has("upper") && node.path("method").isTextual()) out.add(node.get("method").asText());
        node.elements().forEachRemaining(child -> intervalMethods(child, out));
    }

    private static JsonNode golden(String run) throws IOException {
        return new ObjectMapper().readTree(GOLDEN.resolve(run).resolve("report.json").toFile());
    }

    private static boolean has(JsonNode golden, Field f) {
        return f.exact() ? hasPath(golden, f.section() + f.name()) : hasKeyUnder(golden, f.section(), f.name());
    }

    @Test
    void theCsvColumnsOfDocsReportsMdAreTheGoldenHeaders() throws IOException {
        Map<String, List<String>> documented = documentedColumns(Files.readAllLines(Path.of("docs/reports.md")));
        assertEquals(Set.of("cases.csv", "summary.csv", "axes.csv", "segments.csv", "checks.csv"), documented.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : documented.entrySet()) {
            Set<String> header = goldenHeader(e.getKey());
            List<Pattern> columns = e.getValue().stream().map(DocsFieldsTest::columnPattern).toList();
            for (int i = 0; i < columns.size(); i++) {
                Pattern p = columns.get(i);
                boolean conditional = e.getValue().get(i).startsWith("?");
                if (!conditional && header.stream().noneMatch(h -> p.matcher(h).matches())) problems.add(e.getKey() + ": documented, in no golden header: " + e.getValue().get(i));
            }
            for (String h : header) {
                if (columns.stream().noneMatch(p -> p.matcher(h).matches())) problems.add(e.getKey() + ": in a golden header, not documented: " + h);
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * A documented field: its section's path ("analysis.winRate.") and its name; {@code exact}: a table row, not prose;
     * {@code tournament}: of a tournament's report.json (schema version 2), not a two-variant run's.
     */
    record Field(int line, String section, String name, boolean exact, boolean conditional, boolean tournament, boolean named,
                 boolean map, String type, boolean nullable) {
        Field(int line, String section, String name, boolean exact, boolean conditional, boolean tournament) {
            this(line, section, name, exact, conditional, tournament, true, false, null, false);
        }

        /** The field's path with array markers dropped ("manifest.judges"). */
        String path() {
            return (section + name).replace("[]", "");
        }

        String where() {
            return "docs/report-json.md:" + line + ": " + section + name;
        }
    }

    static List<Field> documentedFields(List<String> lines) {
        List<Field> fields = new ArrayList<>();
        String section = null;
        boolean sectionConditional = false;
        boolean tournament = false;
        StringBuilder prose = new StringBuilder();
        int proseLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            boolean paragraphEnds = line.isBlank() || line.startsWith("#") || line.startsWith("|");
            if (paragraphEnds && prose.length() > 0) {
                // The prose under "Tournaments" itself introduces the table (the folder's files); its table names the fields.
                boolean introduction = tournament && "".equals(section);
                if (section != null && !introduction) fields.addAll(proseFields(prose.toString(), proseLine, section, sectionConditional, tournament));
                prose.setLength(0);
            }
            if (line.startsWith("#")) {
                // A heading names its section's path in its first code span ("### `analysis.winRate` (primary)"); a
                // heading without one ("Versioning", "Per-case values ...") documents no golden field, except "Top level"
                // and "Tournaments", whose tables start at the root (the latter's of the other report.json, schema 2).
                Matcher m = CODE.matcher(line);
                tournament = tournament || line.startsWith("## Tournaments");
                section = line.startsWith("## Top level") || line.startsWith("## Tournaments") ? ""
                        : m.find() && FIELD.matcher(m.group(1)).matches() ? m.group(1) + "." : null;
                sectionConditional = CONDITIONAL.stream().anyMatch(line::contains);
            } else if (line.startsWith("| `") && section != null) {
                String[] cells = line.split("\\|");
                boolean typed = cells.length > 3;
                String meaning = cells[typed ? 3 : 2];
                String described = typed ? cells[2] + meaning : meaning;
                boolean conditional = sectionConditional || CONDITIONAL.stream().anyMatch(described::contains);
                Matcher m = CODE.matcher(cells[1]);
                List<String> names = new ArrayList<>();
                while (m.find()) names.add(m.group(1));
                List<String> types = typed ? types(cells[2], names.size()) : null;
                // A meaning that starts "model id → ..." or "tags (tag key → value)" says the field's keys are data, not fields.
                boolean map = meaning.strip().matches("[^`;]*→.*");
                boolean nullable = (typed ? cells[2] : "").contains("null") || meaning.contains("null");
                for (int n = 0; n < names.size(); n++) {
                    fields.add(new Field(i + 1, section, names.get(n), true, conditional, tournament, true, map,
                            types == null ? null : types.get(n), nullable));
                }
                // The meaning cell names an object's or array's fields ("`games`, `bootstrap` (...)"), checked as prose is.
                // The meaning cell of an object or array names its fields ("`games`, `bootstrap` (...)"): checked both ways. In
                // other rows a code span is a reference ("Wilson interval of `winRate`"): only the golden → doc check reads it.
                boolean hasFields = typed && (cells[2].contains("object") || cells[2].contains("array") || cells[2].contains("[]"));
                for (String name : names) {
                    for (Field f : proseFields(meaning, i + 1, section + name + ".", conditional, tournament)) {
                        if (names.contains(f.name())) continue; // "`finishedAt` null while running" names a sibling
                        fields.add(hasFields ? f : new Field(f.line(), f.section(), f.name(), false, f.conditional(), tournament, false, f.map(), null, true));
                    }
                }
            } else if (!paragraphEnds && section != null) {
                if (prose.length() == 0) proseLine = i + 1;
                prose.append(line).append(' ');
            }
        }
        return fields;
    }

    /**
     * The fields a prose paragraph names: code spans outside parentheses (inside them stand values and explanations),
     * conditional when their sentence says so.
     */
    private static List<Field> proseFields(String text, int line, String section, boolean sectionConditional, boolean tournament) {
        List<Field> fields = new ArrayList<>();
        int depth = 0;
        int sentenceStart = 0;
        List<Field> sentenceFields = new ArrayList<>();
        int group = 0; // first of the spans listed together ("`scoresA`, `scoresB` (axis → 1–5)")
        int previousEnd = -1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == '`') {
                int end = text.indexOf('`', i + 1);
                String span = text.substring(i + 1, end);
                boolean listed = previousEnd >= 0 && text.substring(previousEnd + 1, i).equals(", ");
                if (!listed) group = sentenceFields.size();
                previousEnd = end;
                i = end;
                boolean key = NAME.matcher(span).matches() || FIELD.matcher(span).matches();
                if (key && !(span + ".").equals(section)) {
                    // "`checks` (check name → passed)": the field's keys, and those of the fields listed with it, are data.
                    String after = text.substring(i + 1).stripLeading();
                    boolean map = after.startsWith("(") && after.substring(0, Math.max(after.indexOf(')'), 0)).contains("→");
                    boolean named = depth == 0 && FIELD.matcher(span).matches();
                    if (map) {
                        for (int g = Math.min(group, sentenceFields.size()); g < sentenceFields.size(); g++) {
                            Field f = sentenceFields.get(g);
                            sentenceFields.set(g, new Field(line, section, f.name(), false, false, tournament, f.named(), true, null, true));
                        }
                    }
                    sentenceFields.add(new Field(line, section, span, false, false, tournament, named, map, null, true));
                }
            }
            boolean sentenceEnds = i >= text.length() - 1 || depth == 0 && ch == '.' && Character.isWhitespace(text.charAt(i + 1));
            if (sentenceEnds) {
                String sentence = text.substring(sentenceStart, Math.min(i + 1, text.length()));
                boolean conditional = sectionConditional || CONDITIONAL.stream().anyMatch(sentence::contains);
                // A paragraph may name its own section ("All text in `cases[]` ..."): that is no field of it.
                for (Field f : sentenceFields) {
                    fields.add(new Field(line, section, f.name(), false, conditional, tournament, f.named(), f.map(), null, true));
                }
                sentenceFields.clear();
                group = 0;
                sentenceStart = i + 1;
            }
        }
        return fields;
    }

    /** The type cell of a row: one type per name ("bool, string" for `partial`, `partialReason`), else the same for all. */
    private static List<String> types(String cell, int names) {
        String type = cell.strip();
        List<String> parts = List.of(type.split(",\\s*"));
        if (names > 1 && parts.size() == names) return parts;
        String one = type.replaceFirst(",\\s*optional$", "");
        return java.util.Collections.nCopies(names, one);
    }

    /** Whether every step of a dotted path exists ({@code x[]} steps into an array's items, {@code <name>} into any key). */
    static boolean hasPath(JsonNode root, String path) {
        List<JsonNode> nodes = List.of(root);
        String[] steps = path.split("\\.");
        for (int s = 0; s < steps.length; s++) {
            String step = steps[s];
            boolean array = step.endsWith("[]");
            String name = array ? step.substring(0, step.length() - 2) : step;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : nodes) {
                if (name.startsWith("<")) n.elements().forEachRemaining(next::add);
                else if (n.isObject() && n.has(name)) next.add(n.get(name));
            }
            if (next.isEmpty()) return false;
            boolean last = s == steps.length - 1;
            if (array && !last) {
                List<JsonNode> items = new ArrayList<>();
                next.forEach(n -> n.elements().forEachRemaining(items::add));
                next = items;
            }
            nodes = next;
        }
        return true;
    }

    /** Whether a key (prose names nested fields without their full path) is anywhere under the section. */
    static boolean hasKeyUnder(JsonNode root, String section, String name) {
        String key = name.replace("[]", "");
        List<JsonNode> under = new ArrayList<>();
        collect(root, section.isEmpty() ? new String[0] : section.substring(0, section.length() - 1).split("\\."), 0, under);
        for (JsonNode n : under) if (containsKey(n, key)) return true;
        return false;
    }

    private static void collect(JsonNode node, String[] steps, int at, List<JsonNode> out) {
        if (node == null) return;
        if (node.isArray()) { node.elements().forEachRemaining(e -> collect(e, steps, at, out)); return; }
        if (at == steps.length) { out.add(node); return; }
        if (steps[at].startsWith("<")) node.elements().forEachRemaining(e -> collect(e, steps, at + 1, out));
        else collect(node.get(steps[at].replace("[]", "")), steps, at + 1, out);
    }

    private static boolean containsKey(JsonNode node, String key) {
        if (node.isObject()) {
            if (node.has(key)) return true;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) if (containsKey(it.next(), key)) return true;
        } else if (node.isArray()) {
            for (JsonNode e : node) if (containsKey(e, key)) return true;
        }
        return false;
    }

    /**
     * The "CSV columns" table: file → its columns in order; a column in a clause that starts "with" or "only with" (present
     * only with checks or similarity) is prefixed with "?".
     */
    static Map<String, List<String>> documentedColumns(List<String> lines) {
        int start = lines.indexOf("## CSV columns");
        assertTrue(start >= 0, "docs/reports.md has no \"## CSV columns\" section");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `")) continue;
            String[] cells = line.split("\\|");
            Matcher file = CODE.matcher(cells[1]);
            assertTrue(file.find(), line);
            List<String> columns = new ArrayList<>();
            for (String clause : cells[2].split(";")) {
                boolean conditional = clause.strip().startsWith("with ") || clause.strip().startsWith("only with ");
                Matcher m = CODE.matcher(clause.replaceAll("\\[[^]]*]\\([^)]*\\)", ""));
                while (m.find()) columns.add((conditional ? "?" : "") + m.group(1));
            }
            out.put(file.group(1), columns);
        }
        return out;
    }

    /** {@code score_a.<axis>} matches any axis name. */
    private static Pattern columnPattern(String documented) {
        String name = documented.startsWith("?") ? documented.substring(1) : documented;
        StringBuilder regex = new StringBuilder();
        for (String part : name.split("<[a-z]+>", -1)) {
            if (!regex.isEmpty()) regex.append(".+");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** The union of the headers of a CSV over the golden runs that have it. */
    private static Set<String> goldenHeader(String csv) throws IOException {
        Set<String> header = new LinkedHashSet<>();
        try (Stream<Path> runs = Files.list(GOLDEN)) {
            for (Path run : runs.filter(Files::isDirectory).sorted().toList()) {
                Path file = run.resolve(csv);
                if (!Files.exists(file)) continue;
                try (BufferedReader r = Files.newBufferedReader(file)) {
                    // Golden headers hold no quoted commas; a column name with a comma would fail the check loudly.
                    header.addAll(List.of(r.readLine().split(",")));
                }
            }
        }
        assertTrue(!header.isEmpty(), "no golden " + csv);
        return header;
    }
}
