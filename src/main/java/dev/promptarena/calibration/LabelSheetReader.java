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
 * Reads a label sheet written by {@code prompt-arena label} after labellers filled its {@code label} column
 * (1, 2 or tie, meaning response 1, response 2 or neither). Each row's {@code order_key} maps the label back to
 * A or B ({@link BlindOrder}). Several rows for one case (several labellers) are allowed and averaged later.
 * A blank label is an error, not a skipped case: leaving out drawn cases would bias the estimate toward the
 * cases people found easy. Every problem names file, line and column.
 */
public final class LabelSheetReader {
    private static final List<String> REQUIRED = List.of("case_id", "repeat", "probability", "order_key", "label");

    private LabelSheetReader() {}

    /** True when the header row is a label sheet's (it has an {@code order_key} column). */
    public static boolean isSheet(String[] header) {
        for (String h : header) if (clean(h).equals("order_key")) return true;
        return false;
    }

    /** @param ids the run's case ids by the (neutralized) text the sheet holds for them */
    public static List<SheetLabel> read(Path file, String runId, SheetIds ids) {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            if (header == null) throw new InputException(file, 1, null, "the labels file is empty");
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) col.putIfAbsent(clean(header[i]), i);
            for (String c : REQUIRED) {
                if (!col.containsKey(c)) throw new InputException(file, 1, c, "the label sheet has no '" + c + "' column");
            }
            List<SheetLabel> out = new ArrayList<>();
            long before = r.getLinesRead();
            String[] row;
            while ((row = r.readNext()) != null) {
                int line = (int) before + 1;
                before = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length != header.length) throw new InputException(file, line, null, "expected " + header.length + " columns, got " + row.length);
                out.add(parse(file, line, row, col, runId, ids));
            }
            if (out.isEmpty()) throw new InputException(file, 2, null, "the label sheet has no rows");
            return out;
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        } catch (CsvException e) {
            throw new InputException(file, (int) e.getLineNumber(), null, "malformed CSV: " + e.getMessage());
        }
    }

    private static SheetLabel parse(Path file, int line, String[] row, Map<String, Integer> col, String runId, SheetIds ids) {
        String cell = CaseIds.of(row[col.get("case_id")]);
        if (cell.isEmpty()) throw new InputException(file, line, "case_id", "every row needs a case id");
        String repeatText = row[col.get("repeat")].trim();
        int repeat;
        try {
            repeat = Integer.parseInt(repeatText);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, "repeat", "expected a whole number >= 0, got '" + repeatText + "'");
        }
        String pText = row[col.get("probability")].trim();
        double p;
        try {
            p = Double.parseDouble(pText);
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (!(p > 0 && p <= 1)) throw new InputException(file, line, "probability", "expected a number in (0, 1] as written by 'label', got '" + pText + "'");
        String orderKey = row[col.get("order_key")].trim();
        String caseId = cell;
        Boolean bFirst = null;
        for (String candidate : ids.candidates(cell)) {
            bFirst = BlindOrder.bFirst(runId, candidate, repeat, orderKey);
            caseId = candidate;
            if (bFirst != null) break;
        }
        if (bFirst == null) {
            throw new InputException(file, line, "order_key", "does not match case '" + cell + "' repeat " + repeat
                    + " of run " + runId + "; the row was edited or the sheet belongs to another run");
        }
        String raw = row[col.get("label")].trim();
        Double response1Score = switch (raw.toLowerCase(Locale.ROOT)) {
            case "1" -> 1.0;
            case "2" -> 0.0;
            case "tie" -> 0.5;
            default -> null;
        };
        if (response1Score == null) {
            throw new InputException(file, line, "label", raw.isEmpty()
                    ? "blank; every drawn case needs a label (1, 2 or tie): leaving drawn cases out biases the estimate"
                    : "expected 1, 2 or tie (the better response as shown), got '" + raw + "'");
        }
        // Response 1 is B when bFirst: "1" then means B won (score 1); otherwise response 1 is A.
        double score = bFirst ? response1Score : 1 - response1Score;
        return new SheetLabel(caseId, repeat, p, score, line);
    }

    private static String clean(String h) {
        String s = h.startsWith("\uFEFF") ? h.substring(1) : h;
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
