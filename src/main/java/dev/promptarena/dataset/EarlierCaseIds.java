package dev.promptarena.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.input.ByteLines;
import dev.promptarena.input.CaseIds;
import dev.promptarena.input.CsvRecords;
import dev.promptarena.input.RecordIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden set's case ids under the rule before they became what the user wrote ({@link CaseIds}): a JSONL id was
 * its JSON value's text (a number as Jackson prints it: {@code 1e3} read as "1000.0", {@code 1.10} as "1.1", {@code -0}
 * as "0"), blanks kept; a CSV cell was trimmed; neither was put in Unicode NFC. A run started under that rule drew its
 * judge's presentation order (and shards, and a sequential design's case order) from those ids, so a resume must know
 * which cases read differently now.
 */
public final class EarlierCaseIds {
    /** A case whose id reads differently now: at {@code line} of the golden set, {@code before} then, {@code now} now. */
    public record Renamed(int line, String before, String now) {}

    private EarlierCaseIds() {}

    /** Every case of {@code file} (a golden set that loads) whose id the earlier rule read differently, in file order. */
    public static List<Renamed> renamed(Path file) throws IOException {
        return file.getFileName().toString().toLowerCase().endsWith(".csv") ? csv(file) : jsonl(file);
    }

    private static List<Renamed> jsonl(Path file) throws IOException {
        List<Renamed> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in, true);
            while (lines.next()) {
                JsonNode node = JsonlObjects.object(file, lines.number(), lines.text());
                if (node == null) continue;
                JsonNode id = node.get("id");
                String now = CaseIds.fromJson(file, lines.number(), "id", id, lines.text());
                String before = id == null ? "" : id.asText();
                if (!before.equals(now)) out.add(new Renamed(lines.number(), before, now));
            }
        }
        return out;
    }

    private static List<Renamed> csv(Path file) throws IOException {
        List<Renamed> out = new ArrayList<>();
        int[] idColumn = {-1};
        CsvRecords.scan(file, RecordIndex.unchecked(file, "the golden set"), true, new CsvRecords.Sink() {
            @Override public void header(String[] names) {
                for (int i = 0; i < names.length; i++) if (names[i].trim().equals("id")) idColumn[0] = i;
            }

            @Override public void record(String[] cells, int line, long start, int length, int checksum) {
                if (idColumn[0] < 0 || idColumn[0] >= cells.length) return;
                String written = cells[idColumn[0]];
                String before = written.trim();
                String now = CaseIds.of(written);
                if (!before.equals(now)) out.add(new Renamed(line, before, now));
            }
        });
        return out;
    }
}
