package dev.promptarena.calibration;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.promptarena.input.CaseIds;
import dev.promptarena.input.InputException;
import dev.promptarena.input.ReadErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a human labels CSV: header {@code case_id,label} with optional {@code repeat} and
 * {@code labeler} columns, in any order. Every problem names file, line and column.
 */
public final class LabelsReader {
    private LabelsReader() {}

    public static List<HumanLabel> read(Path file) {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            if (header == null) throw new InputException(file, 1, null, "the labels file is empty; expected a header case_id,label[,repeat][,labeler]");
            if (header.length > 0 && header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String h = header[i].trim().toLowerCase(Locale.ROOT);
                if (!List.of("case_id", "label", "repeat", "labeler").contains(h)) {
                    throw new InputException(file, 1, header[i], "unknown column; expected case_id, label and optionally repeat, labeler");
                }
                if (col.putIfAbsent(h, i) != null) throw new InputException(file, 1, h, "the column appears twice");
            }
            for (String required : List.of("case_id", "label")) {
                if (!col.containsKey(required)) throw new InputException(file, 1, required, "the header row has no '" + required + "' column");
            }
            List<HumanLabel> out = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            long before = r.getLinesRead();
            String[] row;
            while ((row = r.readNext()) != null) {
                int line = (int) before + 1;
                before = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length != header.length) throw new InputException(file, line, null, "expected " + header.length + " columns, got " + row.length);
                HumanLabel label = parse(file, line, row, col);
                String key = label.caseId() + "\u0000" + label.repeat() + "\u0000" + label.labeler();
                Integer first = seen.putIfAbsent(key, line);
                if (first != null) {
                    throw new InputException(file, line, "case_id", "case '" + label.caseId() + "' is labelled twice"
                            + (label.labeler().isEmpty() ? "" : " by " + label.labeler()) + " (first at line " + first + ")");
                }
                out.add(label);
            }
            if (out.isEmpty()) throw new InputException(file, 2, null, "the labels file has no labels");
            return out;
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        } catch (CsvException e) {
            throw new InputException(file, (int) e.getLineNumber(), null, "malformed CSV: " + e.getMessage());
        }
    }

    private static HumanLabel parse(Path file, int line, String[] row, Map<String, Integer> col) {
        String caseId = CaseIds.of(row[col.get("case_id")]);
        if (caseId.isEmpty()) throw new InputException(file, line, "case_id", "every label needs a case id");
        String raw = row[col.get("label")].trim();
        String label = switch (raw.toLowerCase(Locale.ROOT)) {
            case "a" -> "A";
            case "b" -> "B";
            case "tie" -> "tie";
            default -> throw new InputException(file, line, "label", "expected A, B or tie, got '" + raw + "'");
        };
        Integer repeat = null;
        if (col.containsKey("repeat") && !row[col.get("repeat")].isBlank()) {
            String text = row[col.get("repeat")].trim();
            try {
                repeat = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new InputException(file, line, "repeat", "expected a whole number >= 0, got '" + text + "'");
            }
            if (repeat < 0) throw new InputException(file, line, "repeat", "expected a whole number >= 0, got '" + text + "'");
        }
        String labeler = col.containsKey("labeler") ? row[col.get("labeler")].trim() : "";
        return new HumanLabel(caseId, repeat, label, labeler, line);
    }
}
