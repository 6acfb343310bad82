package dev.promptarena.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.input.CaseIds;
import dev.promptarena.input.InputException;
import dev.promptarena.input.ReadErrors;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.input.IntSort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads a golden set from JSONL (one object per line) or CSV (header row). Reserved keys:
 * {@code id}, {@code reference}, {@code context}, {@code tags} and {@code messages}; every other
 * key is an input field. Tags are an object ({@code {"category": "shipping"}}) or a list of labels
 * ({@code ["account", "hard"]}, each becoming {@code label: true}); in CSV, columns named
 * {@code tags.<name>}, or a {@code tags} column of {@code ;}-separated labels.
 */
public final class DatasetLoader {
    /**
     * Validates every case (file, line and field in each error; duplicate ids; an empty set) and returns the golden set,
     * read back from the file as the run needs its cases: a JSONL file by line, a CSV file by record (a quoted cell
     * may span lines).
     */
    public GoldenSet load(Path file) {
        return load(file, c -> { });
    }

    /**
     * As {@link #load(Path)}, handing every case to {@code each} in file order as the loader validates it: a caller that
     * checks every case (the run's templates) does so in the loader's pass instead of parsing the file once more.
     */
    public GoldenSet load(Path file, Consumer<GoldenCase> each) {
        String name = file.getFileName().toString().toLowerCase();
        // Read as JSONL, a YAML list failed on its first line with a JSON parser's complaint about a minus sign.
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            throw new InputException(file, "a golden set is JSONL (one JSON object per line) or CSV (header row), not YAML;"
                    + " convert it, writing ids as strings (YAML reads id: 007 as 7)");
        }
        GoldenSet cases;
        try {
            cases = name.endsWith(".csv") ? csv(file, each) : jsonl(file, each);
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        }
        if (cases.isEmpty()) throw new InputException(file, 1, null, "the golden set is empty");
        firstDuplicate(file, cases);
        return cases;
    }

    private static GoldenSet jsonl(Path file, Consumer<GoldenCase> each) throws IOException {
        JsonlGoldenStore store = JsonlGoldenStore.scan(file, each);
        return GoldenSet.of(store, store.sha256);
    }

    private static GoldenSet csv(Path file, Consumer<GoldenCase> each) throws IOException {
        CsvGoldenStore store = CsvGoldenStore.scan(file, each);
        return GoldenSet.of(store, store.sha256);
    }

    /**
     * Fails on the first case (in file order) whose id an earlier case has. By sorting the positions rather than with a
     * map of every id: the same answer for a fraction of the memory at a million cases.
     */
    private static void firstDuplicate(Path file, GoldenSet cases) {
        List<String> ids = cases.ids();
        int[] order = new int[ids.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // Stable: equal ids stay in file order, so the first of a run of equal ids is its first occurrence.
        IntSort.sort(order, 0, order.length, (x, y) -> ids.get(x).compareTo(ids.get(y)));
        int dup = -1, first = -1, runStart = 0;
        for (int k = 1; k < order.length; k++) {
            if (!ids.get(order[k]).equals(ids.get(order[k - 1]))) {
                runStart = k;
                continue;
            }
            if (dup < 0 || order[k] < dup) {
                dup = order[k];
                first = order[runStart];
            }
        }
        if (dup < 0) return;
        GoldenCase c = cases.get(dup);
        throw new InputException(file, c.line(), "id", "duplicate id '" + c.id() + "' (first at line " + cases.get(first).line() + ")");
    }

    /** @param text the line {@code node} was parsed from (an id written as a number keeps its digits from it) */
    static GoldenCase fromJson(Path file, int line, JsonNode node, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        List<ChatMessage> messages = new ArrayList<>();
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "id", "reference", "context" -> { }
                case "tags" -> {
                    if (v.isArray()) {
                        for (JsonNode t : v) {
                            if (!t.isValueNode() || t.isNull() || t.asText().isBlank()) throw new InputException(file, line, "tags", "a list of tags holds non-empty labels, got " + t);
                            labels(tags, t.asText());
                        }
                    } else if (v.isObject()) {
                        v.fields().forEachRemaining(t -> {
                            // The key names a segment in every report: an empty one is a segment called nothing.
                            if (t.getKey().isBlank()) throw new InputException(file, line, "tags", "a tag key must not be empty, got " + v);
                            JsonNode value = t.getValue();
                            // An object or list has no text: asText() made it a segment named "" (and null one named "null").
                            if (!value.isValueNode()) {
                                throw new InputException(file, line, "tags." + t.getKey(), "a tag value is a string, number or boolean, got " + value);
                            }
                            // null, "" or blanks: no tag, as an empty tags.KEY cell in a CSV golden set.
                            if (!value.isNull() && !value.asText().isBlank()) tags.put(t.getKey(), value.asText());
                        });
                    } else if (!v.isNull()) {
                        throw new InputException(file, line, "tags", "expected an object of tag: value or a list of labels, got " + v);
                    }
                }
                case "messages" -> messages.addAll(messages(file, line, v));
                default -> fields.put(key, v.isValueNode() ? v.asText() : v.toString());
            }
        }
        String id = CaseIds.fromJson(file, line, "id", node.get("id"), text);
        if (id.isEmpty()) throw new InputException(file, line, "id", "every case needs a non-empty id");
        return new GoldenCase(id, fields, text(node, "reference"), text(node, "context"), tags, messages, line);
    }

    /** A label tag is a segment "label = true"; a label never overrides a tag: value of the same name. */
    private static void labels(Map<String, String> tags, String label) { tags.putIfAbsent(label.strip(), "true"); }

    private static List<ChatMessage> messages(Path file, int line, JsonNode v) {
        if (!v.isArray()) throw new InputException(file, line, "messages", "expected an array of {role, content}");
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : v) {
            String role = m.path("role").asText();
            if (!List.of("user", "assistant").contains(role)) throw new InputException(file, line, "messages", "role must be user or assistant, got '" + role + "'");
            out.add(new ChatMessage(role, m.path("content").asText()));
        }
        return out;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    static GoldenCase fromCsv(Path file, int line, String[] header, String[] row) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        String id = null, reference = null, context = null;
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim();
            String v = row[i];
            switch (h) {
                case "id" -> id = CaseIds.of(v);
                case "reference" -> reference = v.isEmpty() ? null : v;
                case "context" -> context = v.isEmpty() ? null : v;
                default -> {
                    if (h.startsWith("tags.")) { if (!v.isBlank()) tags.put(h.substring(5), v); } // an empty cell is no tag
                    else if (h.equals("tags")) { for (String t : v.split(";")) if (!t.isBlank()) labels(tags, t.strip()); }
                    else fields.put(h, v);
                }
            }
        }
        if (id == null || id.isEmpty()) throw new InputException(file, line, "id", "every case needs a non-empty id");
        return new GoldenCase(id, fields, reference, context, tags, List.of(), line);
    }
}
