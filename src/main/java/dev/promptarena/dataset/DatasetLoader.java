package dev.promptarena.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.promptarena.input.InputException;
import dev.promptarena.llm.ChatMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a golden set from JSONL (one object per line) or CSV (header row). Reserved keys:
 * {@code id}, {@code reference}, {@code context}, {@code tags} and {@code messages}; every other
 * key is an input field. Tags are an object ({@code {"category": "shipping"}}) or a list of labels
 * ({@code ["account", "hard"]}, each becoming {@code label: true}); in CSV, columns named
 * {@code tags.<name>}, or a {@code tags} column of {@code ;}-separated labels.
 */
public final class DatasetLoader {
    public List<GoldenCase> load(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        List<GoldenCase> cases;
        try {
            cases = name.endsWith(".csv") ? csv(file) : jsonl(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "file not found");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        if (cases.isEmpty()) throw new InputException(file, 1, null, "the golden set is empty");
        Map<String, Integer> seen = new HashMap<>();
        for (GoldenCase c : cases) {
            Integer first = seen.putIfAbsent(c.id(), c.line());
            if (first != null) throw new InputException(file, c.line(), "id", "duplicate id '" + c.id() + "' (first at line " + first + ")");
        }
        return cases;
    }

    private List<GoldenCase> jsonl(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonlObjects.read(file, r, (line, node) -> fromJson(file, line, node));
        }
    }

    private static GoldenCase fromJson(Path file, int line, JsonNode node) {
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
                            if (!t.isValueNode() || t.asText().isBlank()) throw new InputException(file, line, "tags", "a list of tags holds non-empty labels, got " + t);
                            labels(tags, t.asText());
                        }
                    } else if (v.isObject()) {
                        v.fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
                    } else if (!v.isNull()) {
                        throw new InputException(file, line, "tags", "expected an object of tag: value or a list of labels, got " + v);
                    }
                }
                case "messages" -> messages.addAll(messages(file, line, v));
                default -> fields.put(key, v.isValueNode() ? v.asText() : v.toString());
            }
        }
        JsonNode id = node.get("id");
        if (id == null || id.isNull() || id.asText().isBlank()) throw new InputException(file, line, "id", "every case needs a non-empty id");
        return new GoldenCase(id.asText(), fields, text(node, "reference"), text(node, "context"), tags, messages, line);
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

    private List<GoldenCase> csv(Path file) throws IOException {
        List<GoldenCase> out = new ArrayList<>();
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            if (header == null) return out;
            if (header.length > 0 && header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            int idColumn = List.of(header).indexOf("id");
            if (idColumn < 0) throw new InputException(file, 1, "id", "the header row has no 'id' column");
            long lineBefore = r.getLinesRead();
            String[] row;
            while ((row = r.readNext()) != null) {
                int line = (int) lineBefore + 1;
                lineBefore = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length != header.length) throw new InputException(file, line, null, "expected " + header.length + " columns, got " + row.length);
                out.add(fromCsv(file, line, header, row));
            }
        } catch (CsvException e) {
            throw new InputException(file, (int) e.getLineNumber(), null, "malformed CSV: " + e.getMessage());
        }
        return out;
    }

    private static GoldenCase fromCsv(Path file, int line, String[] header, String[] row) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        String id = null, reference = null, context = null;
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim();
            String v = row[i];
            switch (h) {
                case "id" -> id = v.trim();
                case "reference" -> reference = v.isEmpty() ? null : v;
                case "context" -> context = v.isEmpty() ? null : v;
                default -> {
                    if (h.startsWith("tags.")) { if (!v.isEmpty()) tags.put(h.substring(5), v); }
                    else if (h.equals("tags")) { for (String t : v.split(";")) if (!t.isBlank()) labels(tags, t.strip()); }
                    else fields.put(h, v);
                }
            }
        }
        if (id == null || id.isEmpty()) throw new InputException(file, line, "id", "every case needs a non-empty id");
        return new GoldenCase(id, fields, reference, context, tags, List.of(), line);
    }
}
