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
 * The fields docs/report-json.md documents are in the golden report.json files (src/test/resources/golden-main), unless
 * the doc says they are conditional; the judge panel's fields, conditional or not, are in the golden panel run's, and
 * the tournament table's in the golden tournament's; the CSV columns docs/reports.md lists are the golden CSV headers,
 * both ways.
 */
class DocsFieldsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-main");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]*(\\.(<[a-z]+>|[A-Za-z0-9]+))*(\\[])?");
    /** Words by which the doc says a field is not always there. */
    private static final List<String> CONDITIONAL = List.of("only with", "only in", "optional", "absent", "null with", "null without");

    @Test
    void everyDocumentedReportJsonFieldIsInAGoldenReport() throws IOException {
        List<JsonNode> goldens = new ArrayList<>();
        for (String run : List.of("example", "fake", "panel")) goldens.add(golden(run));
        List<Field> fields = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream().filter(f -> !f.tournament()).toList();
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
                .filter(f -> f.section().startsWith("analysis.judgePanel.")).toList();
        assertTrue(fields.size() >= 35, "only " + fields.size() + " judge panel fields found in docs/report-json.md");
        assertTrue(fields.stream().anyMatch(f -> f.name().equals("kappa") && f.conditional()), "the fields this test exists for");
        List<String> missing = new ArrayList<>(fields.stream().filter(f -> !has(panel, f)).map(Field::where).toList());
        // Each judge's `orderBias` is documented "as `analysis.orderBias`": every judge of the golden has all of its fields.
        List<Field> order = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream()
                .filter(f -> f.section().equals("analysis.orderBias.")).toList();
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
        List<Field> fields = documentedFields(Files.readAllLines(Path.of("docs/report-json.md"))).stream().filter(Field::tournament).toList();
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
    record Field(int line, String section, String name, boolean exact, boolean conditional, boolean tournament) {
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
                boolean conditional = sectionConditional || CONDITIONAL.stream().anyMatch(line::contains);
                Matcher m = CODE.matcher(cells[1]);
                List<String> names = new ArrayList<>();
                while (m.find()) names.add(m.group(1));
                for (String name : names) fields.add(new Field(i + 1, section, name, true, conditional, tournament));
                // The tournament table lists an object's or array's fields in its meaning cell ("`games`, `bootstrap` (...)").
                boolean hasFields = cells.length > 3 && (cells[2].contains("object") || cells[2].contains("array"));
                if (tournament && hasFields && names.size() == 1) {
                    fields.addAll(proseFields(cells[3], i + 1, section + names.get(0) + ".", conditional, true));
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
        List<String> sentenceFields = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == '`') {
                int end = text.indexOf('`', i + 1);
                String span = text.substring(i + 1, end);
                if (depth == 0 && FIELD.matcher(span).matches()) sentenceFields.add(span);
                i = end;
            }
            boolean sentenceEnds = i == text.length() - 1 || depth == 0 && ch == '.' && Character.isWhitespace(text.charAt(i + 1));
            if (sentenceEnds) {
                String sentence = text.substring(sentenceStart, i + 1);
                boolean conditional = sectionConditional || CONDITIONAL.stream().anyMatch(sentence::contains);
                // A paragraph may name its own section ("All text in `cases[]` ..."): that is no field of it.
                for (String f : sentenceFields) if (!(f + ".").equals(section)) fields.add(new Field(line, section, f, false, conditional, tournament));
                sentenceFields.clear();
                sentenceStart = i + 1;
            }
        }
        return fields;
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
        collect(node.get(steps[at].replace("[]", "")), steps, at + 1, out);
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
