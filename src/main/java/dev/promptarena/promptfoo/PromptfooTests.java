package dev.promptarena.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.promptarena.input.InputException;
import dev.promptarena.input.ReadErrors;
import dev.promptarena.input.YamlNode;
import dev.promptarena.dataset.JsonlObjects;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * promptfoo {@code tests:} (inline, or {@code file://} CSV, JSONL, JSON and YAML files, globs allowed) merged
 * with {@code defaultTest}'s vars and metadata. A var whose value is a list expands into one case per value,
 * as promptfoo does; {@code file://} text vars are read. Default assertions are kept apart: they apply to
 * every case, so they can become rubric checks and axes.
 */
final class PromptfooTests {
    private final Path configFile;
    private final ImportNotes notes;
    private final Map<String, String> defaultVars = new LinkedHashMap<>();
    private final Map<String, String> defaultTags = new LinkedHashMap<>();

    PromptfooTests(Path configFile, ImportNotes notes) {
        this.configFile = configFile;
        this.notes = notes;
    }

    /** Reads defaultTest's vars and metadata; returns its assertions. */
    List<Assertion> defaults(YamlNode defaultTest) {
        if (defaultTest == null) return List.of();
        if (defaultTest.isScalar()) {
            notes.unmapped(where(defaultTest), "defaultTest from a file is not read; inline it");
            return List.of();
        }
        for (Map.Entry<String, YamlNode> e : defaultTest.entries().entrySet()) {
            switch (e.getKey()) {
                case "vars" -> defaultVars.putAll(vars(e.getValue()).get(0));
                case "metadata" -> e.getValue().entries().forEach((k, v) -> defaultTags.put(k, v.text()));
                case "assert", "options" -> { }
                default -> notes.unmapped(where(e.getValue()), "defaultTest." + e.getKey() + " has no equivalent");
            }
        }
        return AssertionReader.read(defaultTest.get("assert"), notes);
    }

    List<TestCase> read(YamlNode tests) {
        List<TestCase> out = new ArrayList<>();
        if (tests == null) return out;
        List<YamlNode> items = tests.isScalar() ? List.of(tests) : tests.list();
        for (YamlNode item : items) {
            if (item.isScalar()) {
                for (Path file : Sources.expand(item, configFile, item.text())) out.addAll(file(item, file));
            } else {
                out.addAll(test(item));
            }
        }
        return out;
    }

    private List<TestCase> file(YamlNode at, Path file) {
        switch (Sources.extension(file)) {
            case "csv": return csv(file);
            case "jsonl": return jsonl(file);
            case "json", "yaml", "yml": {
                YamlNode root = Sources.yaml(file);
                List<TestCase> out = new ArrayList<>();
                for (YamlNode t : root.isMapping() ? List.of(root) : root.list()) out.addAll(test(t));
                return out;
            }
            default:
                throw at.error("test file " + file.getFileName() + ": expected .csv, .jsonl, .json, .yaml or .yml");
        }
    }

    private List<TestCase> test(YamlNode t) {
        Map<String, String> tags = new LinkedHashMap<>(defaultTags);
        List<Map<String, String>> expanded = List.of(Map.of());
        String description = null;
        for (Map.Entry<String, YamlNode> e : t.entries().entrySet()) {
            switch (e.getKey()) {
                case "vars" -> expanded = vars(e.getValue());
                case "description" -> description = e.getValue().text();
                case "metadata" -> e.getValue().entries().forEach((k, v) -> tags.put(k, v.isScalar() ? v.text() : String.valueOf(v.list().size())));
                case "assert" -> { }
                default -> notes.unmapped(where(e.getValue()), "test key '" + e.getKey() + "' has no per-case equivalent");
            }
        }
        List<Assertion> asserts = AssertionReader.read(t.get("assert"), notes);
        List<TestCase> out = new ArrayList<>();
        for (Map<String, String> vars : expanded) out.add(new TestCase(description, merged(vars), tags, asserts, where(t)));
        return out;
    }

    /** The var sets a {@code vars:} mapping stands for: one, or the product of its list values. */
    private List<Map<String, String>> vars(YamlNode node) {
        List<Map<String, String>> sets = new ArrayList<>();
        sets.add(new LinkedHashMap<>());
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            YamlNode v = e.getValue();
            List<String> values = v.isScalar() ? List.of(varText(v, v.text())) : v.isMapping() ? List.of(mappingText(v)) : v.list().stream().map(x -> varText(x, x.text())).toList();
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> s : sets) {
                for (String value : values) {
                    Map<String, String> copy = new LinkedHashMap<>(s);
                    copy.put(e.getKey(), value);
                    next.add(copy);
                }
            }
            sets = next;
        }
        return sets;
    }

    private String varText(YamlNode at, String text) {
        if (!Sources.isFileRef(text)) return text;
        Path p = Sources.resolve(configFile, text);
        if (List.of("txt", "md", "json", "yaml", "yml", "csv", "html", "xml").contains(Sources.extension(p)) && Files.isRegularFile(p)) {
            return Sources.read(p);
        }
        notes.unmapped(where(at), "var " + text + " (scripts, images and missing files are not loaded); kept as the literal text");
        return text;
    }

    /** As the golden-set loader does for JSON objects: the template receives the object as JSON text. */
    private static String mappingText(YamlNode v) { return AssertionReader.toJson(v); }

    private Map<String, String> merged(Map<String, String> vars) {
        Map<String, String> out = new LinkedHashMap<>(defaultVars);
        out.putAll(vars);
        return out;
    }

    private List<TestCase> csv(Path file) {
        List<TestCase> out = new ArrayList<>();
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            if (header == null) return out;
            if (header.length > 0 && header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            String[] row;
            long before = r.getLinesRead();
            while ((row = r.readNext()) != null) {
                int line = (int) before + 1;
                before = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length != header.length) throw new InputException(file, line, null, "expected " + header.length + " columns, got " + row.length);
                out.add(csvRow(file, line, header, row));
            }
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        } catch (CsvException e) {
            throw new InputException(file, (int) e.getLineNumber(), null, "malformed CSV: " + e.getMessage());
        }
        return out;
    }

    private TestCase csvRow(Path file, int line, String[] header, String[] row) {
        String where = file.getFileName() + ":" + line;
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>(defaultTags);
        List<Assertion> asserts = new ArrayList<>();
        String description = null;
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim();
            String v = row[i];
            if (h.startsWith("__expected")) { if (!v.isBlank()) asserts.add(Assertion.fromCsv(v, where)); }
            else if (h.equals("__description")) description = v;
            else if (h.startsWith("__metadata:")) { if (!v.isEmpty()) tags.put(h.substring("__metadata:".length()), v); }
            else if (h.startsWith("__")) notes.unmapped(file.getFileName() + ":1", "CSV column " + h + " has no equivalent");
            else vars.put(h, v);
        }
        return new TestCase(description, merged(vars), tags, asserts, where);
    }

    private List<TestCase> jsonl(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonlObjects.read(file, r, (line, node) -> jsonTest(file, line, node));
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        }
    }

    /** A JSONL line is a test object ({@code vars}, {@code assert}...) or, without {@code vars}, the vars themselves. */
    private TestCase jsonTest(Path file, int line, JsonNode node) {
        String where = file.getFileName() + ":" + line;
        JsonNode varsNode = node.has("vars") ? node.get("vars") : node;
        Map<String, String> vars = new LinkedHashMap<>();
        varsNode.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        Map<String, String> tags = new LinkedHashMap<>(defaultTags);
        node.path("metadata").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        List<Assertion> asserts = new ArrayList<>();
        for (JsonNode a : node.path("assert")) {
            String type = a.path("type").asText();
            boolean negated = type.startsWith("not-");
            JsonNode v = a.get("value");
            List<String> values = new ArrayList<>();
            if (v != null && v.isArray()) v.forEach(x -> values.add(x.asText()));
            asserts.add(new Assertion(negated ? type.substring(4) : type, negated, v == null || v.isArray() ? null : v.isValueNode() ? v.asText() : v.toString(),
                    values, a.hasNonNull("metric") ? a.get("metric").asText() : null, where));
        }
        return new TestCase(node.path("description").isTextual() ? node.get("description").asText() : null, merged(vars), tags, asserts, where);
    }

    private static String where(YamlNode n) { return n.file().getFileName() + ":" + n.line(); }
}
