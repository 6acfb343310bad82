package dev.promptarena.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import dev.promptarena.dataset.JsonlObjects;
import dev.promptarena.input.InputException;
import dev.promptarena.input.ReadErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a user's export, CSV (header row) or JSONL (one flat object per line, chosen by the {@code .jsonl}
 * or {@code .ndjson} extension), as text fields with their line, so every parse error names file:line:field.
 */
public final class InputRows {
    /** One row: its file and line, and its fields as text (absent or empty fields are missing). */
    public record Row(Path file, int line, Map<String, String> fields) {
        public String text(String field) {
            String v = fields.get(field);
            if (v == null || v.isBlank()) throw new InputException(file, line, field, "required field is missing");
            return v.strip();
        }

        public boolean has(String field) {
            String v = fields.get(field);
            return v != null && !v.isBlank();
        }

        public double number(String field) {
            String v = text(field);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new InputException(file, line, field, "expected a number, got '" + v + "'");
            }
        }

        public long count(String field) {
            double d = number(field);
            if (d < 0 || d != Math.rint(d)) throw new InputException(file, line, field, "expected a whole number >= 0, got '" + text(field) + "'");
            return (long) d;
        }

        /** An ISO-8601 instant ({@code 2026-05-01T10:00:00Z}) or offset date-time. */
        public Instant time(String field) {
            String v = text(field);
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(v).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new InputException(file, line, field, "expected an ISO-8601 time like 2026-05-01T10:00:00Z, got '" + v + "'");
                }
            }
        }

        public InputException error(String field, String message) { return new InputException(file, line, field, message); }
    }

    private InputRows() {}

    public static List<Row> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ReadErrors.requireNotFolder(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? jsonl(file, in) : csv(file, in);
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        }
    }

    private static List<Row> jsonl(Path file, BufferedReader in) throws IOException {
        return JsonlObjects.read(file, in, (line, node) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) throw new InputException(file, line, e.getKey(), "expected a single value, got " + e.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                if (!e.getValue().isNull()) fields.put(e.getKey(), e.getValue().asText());
            }
            return new Row(file, line, fields);
        });
    }

    private static List<Row> csv(Path file, BufferedReader in) throws IOException {
        try (CSVReader r = new CSVReader(in)) {
            String[] header = r.readNext();
            if (header == null) throw new InputException(file, 1, null, "the file is empty; expected a header row");
            List<Row> rows = new ArrayList<>();
            long before = r.getLinesRead();
            String[] cells;
            while ((cells = r.readNext()) != null) {
                int line = (int) before + 1;
                before = r.getLinesRead();
                if (cells.length == 1 && cells[0].isBlank()) continue;
                if (cells.length != header.length) throw new InputException(file, line, null, "expected " + header.length + " columns, got " + cells.length);
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) fields.put(header[i].strip(), cells[i]);
                rows.add(new Row(file, line, fields));
            }
            return rows;
        } catch (CsvValidationException e) {
            throw new InputException(file, (int) e.getLineNumber(), null, "malformed CSV: " + e.getMessage());
        }
    }
}
