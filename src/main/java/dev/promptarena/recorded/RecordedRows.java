package dev.promptarena.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.promptarena.dataset.JsonlObjects;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of a recorded-responses file: JSONL (one object per line) or, for a {@code .csv}
 * name, CSV with a header row. CSV cells become JSON strings (an empty cell counts as absent), so
 * both formats are validated by the same code.
 */
final class RecordedRows {
    /** One row and the line it starts on. */
    record Row(int line, Map<String, JsonNode> fields) {}

    /** The rows of a file and the hash of the bytes they were read from. */
    record Rows(List<Row> rows, String sha256) {}

    private RecordedRows() {}

    static Rows read(Path file) {
        try {
            // Parsed from the same bytes that are hashed, so the manifest's hash is of what was evaluated.
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<Row> rows = file.getFileName().toString().toLowerCase().endsWith(".csv") ? csv(file, text) : jsonl(file, text);
            if (rows.isEmpty()) throw new InputException(file, 1, null, "the file has no responses");
            return new Rows(rows, Hashing.sha256(bytes));
        } catch (NoSuchFileException e) {
            throw new InputException(file, "file not found");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
    }

    private static List<Row> jsonl(Path file, String content) throws IOException {
        try (BufferedReader r = new BufferedReader(new StringReader(content))) {
            return JsonlObjects.read(file, r, (line, node) -> {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> { if (!e.getValue().isNull()) fields.put(e.getKey(), e.getValue()); });
                return new Row(line, fields);
            });
        }
    }

    private static List<Row> csv(Path file, String content) throws IOException {
        List<Row> out = new ArrayList<>();
        try (CSVReader r = new CSVReader(new StringReader(content))) {
            String[] header = r.readNext();
            if (header == null) return out;
            if (header.length > 0 && header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            long linesBefore = r.getLinesRead();
            String[] cells;
            while ((cells = r.readNext()) != null) {
                int line = (int) linesBefore + 1; // a quoted cell may span lines: report where the row starts
                linesBefore = r.getLinesRead();
                if (cells.length == 1 && cells[0].isBlank()) continue;
                if (cells.length != header.length) throw new InputException(file, line, null, "expected " + header.length + " columns, got " + cells.length);
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    if (!cells[i].isEmpty()) fields.put(header[i].trim(), TextNode.valueOf(cells[i]));
                }
                out.add(new Row(line, fields));
            }
        } catch (CsvException e) {
            throw new InputException(file, (int) e.getLineNumber(), null, "malformed CSV: " + e.getMessage());
        }
        return out;
    }
}
